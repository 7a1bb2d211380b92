/* lectern-github-publisher-write.c: the writing steps of a publish to GitHub
 *
 * Once lectern-github-publisher.c has read the branch and planned what
 * changed: each changed image (or other non-text file) uploaded as a
 * blob, one tree (the branch's, with the changed files), one commit on
 * top of the head that was read, then the branch moved to it, or the
 * commit put on a new branch with a pull request opened for it.
 *
 * The branch is moved last, and never forced: blobs, trees and commits
 * that no branch names change nothing anyone sees, so a failure before
 * that leaves the branch as it was. When GitHub refuses the move, the
 * head read again tells whether someone pushed meanwhile (the commit is
 * rebuilt on theirs) or the branch is protected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-github-client.h"
#include "lectern-github-publisher-private.h"

#define MAX_REBUILDS 3

static void make_tree (GTask *task);
static void make_commit (GTask *task);
static void move_branch (GTask *task);
static void open_pull_request (GTask *task);

/* Images (and anything that is not text) travel as blobs of their own */

static void
blob_uploaded (GTask    *task,
               guint     status,
               JsonNode *answer)
{
  Job *job = g_task_get_task_data (task);
  Planned *planned = g_ptr_array_index (job->planned, job->next);
  g_autofree char *doing = g_strdup_printf (_("uploading %s"), planned->file->path);

  if (_lectern_github_refuse (task, status, 201, answer, doing))
    return;

  if (g_strcmp0 (_lectern_github_member_string (answer, NULL, "sha"), planned->sha) != 0)
    {
      _lectern_github_fail (task, g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_SERVER,
                                               _("GitHub stored %s as different bytes than were sent."),
                                               planned->file->path));
      return;
    }

  g_hash_table_add (job->uploaded, g_strdup (planned->sha));
  job->next++;
  _lectern_github_upload_blobs (task);
}

void
_lectern_github_upload_blobs (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  guint n_binary = 0, index = 0;

  for (guint i = 0; i < job->planned->len; i++)
    {
      Planned *planned = g_ptr_array_index (job->planned, i);

      n_binary += planned->changed && planned->binary &&
                  !g_hash_table_contains (job->uploaded, planned->sha);
    }

  for (; job->next < job->planned->len; job->next++)
    {
      Planned *planned = g_ptr_array_index (job->planned, job->next);
      g_autoptr(JsonBuilder) builder = NULL;
      g_autoptr(JsonNode) body = NULL;
      g_autofree char *encoded = NULL;

      if (!planned->changed || !planned->binary || g_hash_table_contains (job->uploaded, planned->sha))
        continue;

      index++;
      _lectern_github_progress (task, _("Uploading %s (%u of %u)…"), planned->file->path, index, n_binary);
      encoded = g_base64_encode (g_bytes_get_data (planned->contents, NULL),
                                 g_bytes_get_size (planned->contents));
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      _lectern_github_add_string (builder, "content", encoded);
      _lectern_github_add_string (builder, "encoding", "base64");
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      _lectern_github_request (task, "POST", "git/blobs", body, blob_uploaded);
      return;
    }

  make_tree (task);
}

/* 3. One tree: the branch's, with the changed files */

static void
tree_made (GTask    *task,
           guint     status,
           JsonNode *answer)
{
  Job *job = g_task_get_task_data (task);
  const char *sha = _lectern_github_expect_sha (task, status, 201, answer, NULL, _("writing the new files"));

  if (sha == NULL)
    return;

  if (strcmp (sha, job->base_tree) == 0)
    {
      /* GitHub found nothing new after all: no empty commit */
      g_clear_object (&job->result);
      job->result = lectern_publish_result_new ();
      _lectern_github_finish (task);
      return;
    }

  g_free (job->new_tree);
  job->new_tree = g_strdup (sha);
  make_commit (task);
}

static void
make_tree (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  guint n = 0;

  json_builder_begin_object (builder);
  _lectern_github_add_string (builder, "base_tree", job->base_tree);
  json_builder_set_member_name (builder, "tree");
  json_builder_begin_array (builder);
  for (guint i = 0; i < job->planned->len; i++)
    {
      Planned *planned = g_ptr_array_index (job->planned, i);

      if (!planned->changed)
        continue;

      n++;
      json_builder_begin_object (builder);
      _lectern_github_add_string (builder, "path", planned->file->path);
      _lectern_github_add_string (builder, "mode", "100644");
      _lectern_github_add_string (builder, "type", "blob");
      if (planned->binary)
        {
          _lectern_github_add_string (builder, "sha", planned->sha);
        }
      else
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (planned->contents, NULL),
                                             g_bytes_get_size (planned->contents));

          _lectern_github_add_string (builder, "content", text);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _lectern_github_progress (task,
                            g_dngettext (GETTEXT_PACKAGE, "Writing %u file…", "Writing %u files…", n), n);
  _lectern_github_request (task, "POST", "git/trees", body, tree_made);
}

/* 4. One commit on top of the head that was read */

static void
commit_made (GTask    *task,
             guint     status,
             JsonNode *answer)
{
  Job *job = g_task_get_task_data (task);
  const char *sha = _lectern_github_expect_sha (task, status, 201, answer, NULL, _("writing the commit"));

  if (sha == NULL)
    return;

  g_free (job->commit_sha);
  g_free (job->commit_url);
  job->commit_sha = g_strdup (sha);
  job->commit_url = g_strdup (_lectern_github_member_string (answer, NULL, "html_url"));

  if (job->flags & LECTERN_PUBLISH_PULL_REQUEST)
    open_pull_request (task);
  else
    move_branch (task);
}

static void
make_commit (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  _lectern_github_add_string (builder, "message", lectern_publish_result_get_message (job->result));
  _lectern_github_add_string (builder, "tree", job->new_tree);
  json_builder_set_member_name (builder, "parents");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, job->head);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _lectern_github_progress (task, _("Writing the commit…"));
  _lectern_github_request (task, "POST", "git/commits", body, commit_made);
}

/* 5. The branch, moved last and never forced */

static gboolean
says_protected (JsonNode *answer)
{
  static const char *words[] = {
    "protected branch", "not authorized to push", "must not contain merge commits",
    "required status check", "approved review", "repository rule",
  };
  g_autofree char *text = NULL;

  if (answer == NULL)
    return FALSE;

  text = g_utf8_strdown (lectern_github_client_get_message (answer) != NULL
                         ? lectern_github_client_get_message (answer) : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
head_reread (GTask    *task,
             guint     status,
             JsonNode *answer)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  JsonNode *refusal = g_object_get_data (G_OBJECT (task), "refusal");
  const char *said = lectern_github_client_get_message (refusal);
  const char *sha;

  if (_lectern_github_refuse (task, status, 200, answer, _("reading the branch again")))
    return;

  sha = _lectern_github_member_string (answer, "object", "sha");
  if (g_strcmp0 (sha, job->commit_sha) == 0)
    {
      /* our update went through; only its answer was lost */
      _lectern_github_finish (task);
      return;
    }

  if (_lectern_github_is_sha (sha) && g_strcmp0 (sha, job->head) != 0)
    {
      if (++job->rebuilds > MAX_REBUILDS)
        {
          _lectern_github_fail (task, g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_MOVED,
                                                   _("Others kept pushing to %s while Lectern published "
                                                     "(%u times). The branch was left as they pushed it; "
                                                     "publish again."),
                                                   self->branch, MAX_REBUILDS + 1));
          return;
        }

      _lectern_github_progress (task,
                                _("Someone pushed to %s meanwhile: building on their commit (%u of %u)…"),
                                self->branch, job->rebuilds, MAX_REBUILDS);
      g_free (job->head);
      job->head = g_strdup (sha);
      g_clear_pointer (&job->commit_sha, g_free);
      g_clear_pointer (&job->commit_url, g_free);
      _lectern_github_read_tree (task);
      return;
    }

  _lectern_github_fail (task, g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_PROTECTED,
                                           _("GitHub refused to move %s (“%s”)%s. It was left as it "
                                             "was. Publish as a pull request instead: Lectern puts the "
                                             "commit on a new branch and opens a pull request for it."),
                                           self->branch, said != NULL ? said : _("no reason given"),
                                           says_protected (refusal) ? _(": the branch is protected") : ""));
}

static void
branch_moved (GTask    *task,
              guint     status,
              JsonNode *answer)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  g_autofree char *path = NULL;

  if (status == 200)
    {
      _lectern_github_finish (task);
      return;
    }

  if (status != 409 && status != 422)
    {
      _lectern_github_refuse (task, status, 200, answer, _("moving the branch"));
      return;
    }

  /* moved by someone else, or protected: the head tells which */
  g_object_set_data_full (G_OBJECT (task), "refusal",
                          answer != NULL ? json_node_copy (answer) : NULL,
                          (GDestroyNotify) json_node_unref);
  path = _lectern_github_ref_path ("git/ref/heads/", self->branch);
  _lectern_github_request (task, "GET", path, NULL, head_reread);
}

static void
move_branch (GTask *task)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = _lectern_github_ref_path ("git/refs/heads/", self->branch);

  json_builder_begin_object (builder);
  _lectern_github_add_string (builder, "sha", job->commit_sha);
  json_builder_set_member_name (builder, "force");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _lectern_github_progress (task, _("Moving %s to the new commit…"), self->branch);
  job->patch_sent = TRUE;
  _lectern_github_request (task, "PATCH", path, body, branch_moved);
}

/* Or: a new branch, and a pull request for it */

static void
pull_request_opened (GTask    *task,
                     guint     status,
                     JsonNode *answer)
{
  Job *job = g_task_get_task_data (task);

  if (_lectern_github_refuse (task, status, 201, answer, _("opening the pull request")))
    return;

  lectern_publish_result_set_pull_request (job->result, job->pr_branch,
                                           _lectern_github_member_string (answer, NULL, "html_url"));
  _lectern_github_finish (task);
}

static void
branch_created (GTask    *task,
                guint     status,
                JsonNode *answer)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  const char *message = lectern_publish_result_get_message (job->result);
  const char *newline = strchr (message, '\n');
  g_autofree char *title = newline != NULL ? g_strndup (message, newline - message) : g_strdup (message);
  g_autofree char *details = g_strstrip (g_strdup (newline != NULL ? newline : ""));

  if (_lectern_github_refuse (task, status, 201, answer, _("creating the branch for the pull request")))
    return;

  json_builder_begin_object (builder);
  _lectern_github_add_string (builder, "title", title);
  _lectern_github_add_string (builder, "head", job->pr_branch);
  _lectern_github_add_string (builder, "base", self->branch);
  _lectern_github_add_string (builder, "body", details);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _lectern_github_progress (task, _("Opening a pull request into %s…"), self->branch);
  _lectern_github_request (task, "POST", "pulls", body, pull_request_opened);
}

static void
open_pull_request (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *ref = NULL;

  g_free (job->pr_branch);
  job->pr_branch = g_strdup_printf ("lectern/publish-%s", stamp);
  ref = g_strdup_printf ("refs/heads/%s", job->pr_branch);

  json_builder_begin_object (builder);
  _lectern_github_add_string (builder, "ref", ref);
  _lectern_github_add_string (builder, "sha", job->commit_sha);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _lectern_github_progress (task, _("Putting the commit on a new branch, %s…"), job->pr_branch);
  _lectern_github_request (task, "POST", "git/refs", body, branch_created);
}

