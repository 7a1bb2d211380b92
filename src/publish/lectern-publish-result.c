/* lectern-publish-result.c: what a publish changed, or would change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-publish-message.h"
#include "lectern-publish-result.h"

G_DEFINE_QUARK (lectern-publish-error-quark, lectern_publish_error)

struct _LecternPublishResult
{
  GObject    parent_instance;

  GPtrArray *changes;
  char      *message;
  char      *commit_sha;
  char      *commit_url;
  char      *pull_request_branch;
  char      *pull_request_url;
  guint      n_requests;
  gboolean   published;
};

G_DEFINE_FINAL_TYPE (LecternPublishResult, lectern_publish_result, G_TYPE_OBJECT)

static void
change_free (gpointer data)
{
  LecternPublishChange *change = data;

  g_free (change->path);
  g_clear_pointer (&change->old, g_bytes_unref);
  g_clear_pointer (&change->contents, g_bytes_unref);
  g_free (change);
}

static void
lectern_publish_result_finalize (GObject *object)
{
  LecternPublishResult *self = LECTERN_PUBLISH_RESULT (object);

  g_ptr_array_unref (self->changes);
  g_free (self->message);
  g_free (self->commit_sha);
  g_free (self->commit_url);
  g_free (self->pull_request_branch);
  g_free (self->pull_request_url);

  G_OBJECT_CLASS (lectern_publish_result_parent_class)->finalize (object);
}

static void
lectern_publish_result_class_init (LecternPublishResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_publish_result_finalize;
}

static void
lectern_publish_result_init (LecternPublishResult *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
}

LecternPublishResult *
lectern_publish_result_new (void)
{
  return g_object_new (LECTERN_TYPE_PUBLISH_RESULT, NULL);
}

/**
 * lectern_publish_result_add_change:
 * @old: (nullable): what the target has now; NULL for a new file
 * @old_known: whether @old was read (FALSE: the file exists, but its
 *   bytes were not needed to publish)
 * @contents: what it will have
 */
void
lectern_publish_result_add_change (LecternPublishResult *self,
                                   const char           *path,
                                   GBytes               *old,
                                   gboolean              old_known,
                                   GBytes               *contents,
                                   LecternSiteFileKind   kind)
{
  LecternPublishChange *change;

  g_return_if_fail (LECTERN_IS_PUBLISH_RESULT (self));
  g_return_if_fail (path != NULL && contents != NULL);

  change = g_new0 (LecternPublishChange, 1);
  change->path = g_strdup (path);
  change->old = old != NULL ? g_bytes_ref (old) : NULL;
  change->old_known = old_known;
  change->is_new = old_known && old == NULL;
  change->contents = g_bytes_ref (contents);
  change->kind = kind;
  g_ptr_array_add (self->changes, change);
}

GPtrArray *
lectern_publish_result_get_changes (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), NULL);
  return self->changes;
}

gboolean
lectern_publish_result_is_nothing (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), TRUE);
  return self->changes->len == 0;
}

void
lectern_publish_result_set_message (LecternPublishResult *self,
                                    const char           *message)
{
  g_return_if_fail (LECTERN_IS_PUBLISH_RESULT (self));
  g_free (self->message);
  self->message = g_strdup (message);
}

const char *
lectern_publish_result_get_message (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), NULL);
  return self->message;
}

void
lectern_publish_result_set_commit (LecternPublishResult *self,
                                   const char           *sha,
                                   const char           *url)
{
  g_return_if_fail (LECTERN_IS_PUBLISH_RESULT (self));
  g_free (self->commit_sha);
  g_free (self->commit_url);
  self->commit_sha = g_strdup (sha);
  self->commit_url = g_strdup (url);
}

const char *
lectern_publish_result_get_commit_sha (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), NULL);
  return self->commit_sha;
}

const char *
lectern_publish_result_get_commit_url (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), NULL);
  return self->commit_url;
}

void
lectern_publish_result_set_pull_request (LecternPublishResult *self,
                                         const char           *branch,
                                         const char           *url)
{
  g_return_if_fail (LECTERN_IS_PUBLISH_RESULT (self));
  g_free (self->pull_request_branch);
  g_free (self->pull_request_url);
  self->pull_request_branch = g_strdup (branch);
  self->pull_request_url = g_strdup (url);
}

const char *
lectern_publish_result_get_pull_request_url (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), NULL);
  return self->pull_request_url;
}

const char *
lectern_publish_result_get_pull_request_branch (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), NULL);
  return self->pull_request_branch;
}

void
lectern_publish_result_set_n_requests (LecternPublishResult *self,
                                       guint                 n_requests)
{
  g_return_if_fail (LECTERN_IS_PUBLISH_RESULT (self));
  self->n_requests = n_requests;
}

guint
lectern_publish_result_get_n_requests (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), 0);
  return self->n_requests;
}

void
lectern_publish_result_set_published (LecternPublishResult *self,
                                      gboolean              published)
{
  g_return_if_fail (LECTERN_IS_PUBLISH_RESULT (self));
  self->published = published;
}

gboolean
lectern_publish_result_get_published (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), FALSE);
  return self->published;
}

char *
lectern_publish_result_describe_changes (LecternPublishResult *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISH_RESULT (self), NULL);
  return lectern_publish_message_build (self->changes);
}
