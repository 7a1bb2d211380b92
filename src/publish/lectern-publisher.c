/* lectern-publisher.c: publish a workshop's site, wherever it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-publish"

#include "config.h"

#include "lectern-clone-publisher.h"
#include "lectern-github-publisher.h"
#include "lectern-publisher.h"

struct _LecternPublisher
{
  GObject               parent_instance;

  LecternPublishTarget *target;
  GObject              *publisher;   /* LecternGithubPublisher or LecternClonePublisher */
};

G_DEFINE_FINAL_TYPE (LecternPublisher, lectern_publisher, G_TYPE_OBJECT)

enum { PROGRESS, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
lectern_publisher_finalize (GObject *object)
{
  LecternPublisher *self = LECTERN_PUBLISHER (object);

  if (self->publisher != NULL)
    g_signal_handlers_disconnect_by_data (self->publisher, self);
  g_clear_object (&self->publisher);
  lectern_publish_target_free (self->target);

  G_OBJECT_CLASS (lectern_publisher_parent_class)->finalize (object);
}

static void
lectern_publisher_class_init (LecternPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_publisher_finalize;

  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lectern_publisher_init (LecternPublisher *self)
{
}

static void
progress_cb (GObject    *publisher,
             const char *step,
             gpointer    data)
{
  g_signal_emit (data, signals[PROGRESS], 0, step);
}

LecternPublisher *
lectern_publisher_new (LecternStore               *store,
                       const LecternPublishTarget *target,
                       const char                 *token)
{
  LecternPublisher *self;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_PUBLISHER, NULL);
  self->target = lectern_publish_target_copy (target);

  if (target->kind == LECTERN_PUBLISH_CLONE)
    self->publisher = G_OBJECT (lectern_clone_publisher_new (store, target->clone_dir ? target->clone_dir : ""));
  else
    {
      g_autofree char *owner = NULL, *repo = NULL;
      LecternGithubPublisher *github;

      if (!lectern_github_parse_repository (target->repository, &owner, &repo, NULL))
        {
          owner = g_strdup ("");
          repo = g_strdup ("");
        }
      github = lectern_github_publisher_new (store, owner, repo,
                                             target->branch ? target->branch : "main",
                                             token ? token : "");
      lectern_github_publisher_set_api_url (github, target->api_url);
      self->publisher = G_OBJECT (github);
    }

  g_signal_connect (self->publisher, "progress", G_CALLBACK (progress_cb), self);

  return self;
}

const LecternPublishTarget *
lectern_publisher_get_target (LecternPublisher *self)
{
  g_return_val_if_fail (LECTERN_IS_PUBLISHER (self), NULL);
  return self->target;
}

static void
published_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  LecternPublishResult *published;

  if (LECTERN_IS_GITHUB_PUBLISHER (object))
    published = lectern_github_publisher_publish_finish (LECTERN_GITHUB_PUBLISHER (object), result, &error);
  else
    published = lectern_clone_publisher_publish_finish (LECTERN_CLONE_PUBLISHER (object), result, &error);

  if (published == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, published, g_object_unref);
}

void
lectern_publisher_publish_async (LecternPublisher    *self,
                                 LecternPublishFlags  flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (LECTERN_IS_PUBLISHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_publisher_publish_async);

  if (!lectern_publish_target_validate (self->target, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (LECTERN_IS_GITHUB_PUBLISHER (self->publisher))
    lectern_github_publisher_publish_async (LECTERN_GITHUB_PUBLISHER (self->publisher), flags,
                                            cancellable, published_cb, g_object_ref (task));
  else
    lectern_clone_publisher_publish_async (LECTERN_CLONE_PUBLISHER (self->publisher), flags,
                                           cancellable, published_cb, g_object_ref (task));
}

LecternPublishResult *
lectern_publisher_publish_finish (LecternPublisher  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_publisher_publish_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
