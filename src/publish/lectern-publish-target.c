/* lectern-publish-target.c: where a workshop's site is published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-github-publisher.h"
#include "lectern-publish-target.h"

G_DEFINE_BOXED_TYPE (LecternPublishTarget, lectern_publish_target,
                     lectern_publish_target_copy, lectern_publish_target_free)

static char *
nonempty (const char *text)
{
  g_autofree char *copy = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  return copy != NULL && *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

LecternPublishTarget *
lectern_publish_target_new (LecternPublishKind kind)
{
  LecternPublishTarget *self = g_new0 (LecternPublishTarget, 1);

  self->kind = kind;
  return self;
}

LecternPublishTarget *
lectern_publish_target_copy (const LecternPublishTarget *self)
{
  LecternPublishTarget *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = lectern_publish_target_new (self->kind);
  copy->repository = g_strdup (self->repository);
  copy->branch = g_strdup (self->branch);
  copy->api_url = g_strdup (self->api_url);
  copy->clone_dir = g_strdup (self->clone_dir);

  return copy;
}

void
lectern_publish_target_free (LecternPublishTarget *self)
{
  if (self == NULL)
    return;

  g_free (self->repository);
  g_free (self->branch);
  g_free (self->api_url);
  g_free (self->clone_dir);
  g_free (self);
}

LecternPublishTarget *
lectern_publish_target_from_variant (GVariant *variant)
{
  const char *kind, *place, *branch, *api;
  LecternPublishTarget *self;

  g_return_val_if_fail (variant != NULL, NULL);

  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE ("(ssss)")))
    return NULL;

  g_variant_get (variant, "(&s&s&s&s)", &kind, &place, &branch, &api);
  if (g_strcmp0 (kind, "github") == 0)
    {
      self = lectern_publish_target_new (LECTERN_PUBLISH_GITHUB);
      self->repository = nonempty (place);
      self->branch = nonempty (branch);
      self->api_url = nonempty (api);
    }
  else if (g_strcmp0 (kind, "clone") == 0)
    {
      self = lectern_publish_target_new (LECTERN_PUBLISH_CLONE);
      self->clone_dir = nonempty (place);
    }
  else
    return NULL;

  return self;
}

GVariant *
lectern_publish_target_to_variant (const LecternPublishTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == LECTERN_PUBLISH_CLONE)
    return g_variant_new ("(ssss)", "clone", self->clone_dir ? self->clone_dir : "", "", "");

  return g_variant_new ("(ssss)", "github", self->repository ? self->repository : "",
                        self->branch ? self->branch : "", self->api_url ? self->api_url : "");
}

/* Whether it names a place to publish to; the error says what is missing */
gboolean
lectern_publish_target_validate (const LecternPublishTarget *self,
                                 GError                    **error)
{
  g_autofree char *owner = NULL, *repo = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind == LECTERN_PUBLISH_CLONE)
    {
      if (self->clone_dir == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Choose the folder of your clone of the site’s repository."));
          return FALSE;
        }
      if (!g_file_test (self->clone_dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The clone’s folder %s is not there any more."), self->clone_dir);
          return FALSE;
        }
      return TRUE;
    }

  if (!lectern_github_parse_repository (self->repository, &owner, &repo, error))
    return FALSE;

  if (self->branch != NULL && (g_str_has_prefix (self->branch, "/") || g_str_has_suffix (self->branch, "/") ||
                               strstr (self->branch, "..") != NULL || strchr (self->branch, ' ') != NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a branch name."), self->branch);
      return FALSE;
    }

  if (self->api_url != NULL && !g_str_has_prefix (self->api_url, "https://") &&
      !g_str_has_prefix (self->api_url, "http://127.0.0.1") && !g_str_has_prefix (self->api_url, "http://localhost"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The GitHub API address must start with https:// (GitHub Enterprise: "
                     "https://HOST/api/v3), so that the token travels encrypted."));
      return FALSE;
    }

  return TRUE;
}

char *
lectern_publish_target_describe (const LecternPublishTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == LECTERN_PUBLISH_CLONE)
    return g_strdup (self->clone_dir ? self->clone_dir : "");

  return g_strdup_printf ("%s, %s", self->repository ? self->repository : "",
                          self->branch ? self->branch : "main");
}
