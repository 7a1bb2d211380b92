/* lectern-github-publisher.c: publish straight to a GitHub repository
 *
 * The steps, one request at a time (GitHub asks integrators not to run
 * them in parallel):
 *
 *   1. GET   git/ref/heads/B           the head commit
 *   2. GET   git/trees/HEAD?recursive  every path's blob id; a commit id
 *                                      names its tree here, so the commit
 *                                      itself need not be read
 *   (  GET   git/blobs/ID              a page whose block Lectern owns,
 *                                      unless the cache has that blob )
 *   -- compare by git blob id, computed here; nothing changed: stop --
 *   (  POST  git/blobs                 each changed image: base64 )
 *   3. POST  git/trees                 base_tree + the changed files, text
 *                                      inline
 *   4. POST  git/commits               one commit, parent = the head read
 *   5. PATCH git/refs/heads/B          force: false, the last step
 *
 * So a publish of any number of text files takes at most six requests,
 * and finding nothing to publish at most three. A branch that moved
 * meanwhile (PATCH refused, and the head is no longer the one read) is
 * rebuilt on its new head, a bounded number of times; a branch that
 * refuses the update although it did not move is protected: the caller
 * may publish again with LECTERN_PUBLISH_PULL_REQUEST, which puts the
 * commit on a new branch and opens a pull request. Until the last step
 * the branch is untouched, so a failure anywhere leaves it as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-git-blob.h"
#include "lectern-github-client.h"
#include "lectern-github-publisher-private.h"
#include "lectern-site-diff.h"
#include "lectern-site-render.h"
#include "lectern-store-site.h"

#define SCHEDULE_DATA "_data/schedule.yml"

G_DEFINE_FINAL_TYPE (LecternGithubPublisher, lectern_github_publisher, G_TYPE_OBJECT)

enum { PROGRESS, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
remote_entry_free (gpointer data)
{
  RemoteEntry *entry = data;

  g_free (entry->mode);
  g_free (entry->type);
  g_free (entry->sha);
  g_free (entry);
}

static void
planned_free (gpointer data)
{
  Planned *planned = data;

  g_clear_pointer (&planned->current, g_bytes_unref);
  g_clear_pointer (&planned->contents, g_bytes_unref);
  g_free (planned->sha);
  g_free (planned);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->waiting_id != 0)
    g_signal_handler_disconnect (job->client, job->waiting_id);
  g_clear_object (&job->client);
  g_clear_object (&job->tree);
  g_clear_object (&job->result);
  g_free (job->head);
  g_free (job->base_tree);
  g_free (job->new_tree);
  g_free (job->commit_sha);
  g_free (job->commit_url);
  g_free (job->pr_branch);
  g_clear_pointer (&job->remote, g_hash_table_unref);
  g_clear_pointer (&job->records, g_hash_table_unref);
  g_clear_pointer (&job->planned, g_ptr_array_unref);
  g_clear_pointer (&job->uploaded, g_hash_table_unref);
  g_free (job);
}

static void
lectern_github_publisher_finalize (GObject *object)
{
  LecternGithubPublisher *self = LECTERN_GITHUB_PUBLISHER (object);

  g_clear_object (&self->store);
  g_free (self->owner);
  g_free (self->repo);
  g_free (self->branch);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self->api_url);
  g_free (self->cache_dir);

  G_OBJECT_CLASS (lectern_github_publisher_parent_class)->finalize (object);
}

static void
lectern_github_publisher_class_init (LecternGithubPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_github_publisher_finalize;

  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lectern_github_publisher_init (LecternGithubPublisher *self)
{
  self->timeout_s = 60;
  self->first_backoff_ms = 1000;
  self->max_wait_s = 120;
}

LecternGithubPublisher *
lectern_github_publisher_new (LecternStore *store,
                              const char   *owner,
                              const char   *repo,
                              const char   *branch,
                              const char   *token)
{
  LecternGithubPublisher *self;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (owner != NULL && repo != NULL && branch != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_GITHUB_PUBLISHER, NULL);
  self->store = g_object_ref (store);
  self->owner = g_strdup (owner);
  self->repo = g_strdup (repo);
  self->branch = g_strdup (branch);
  self->token = g_strdup (token);
  self->cache_dir = lectern_github_publisher_default_cache_dir ();

  return self;
}

char *
lectern_github_publisher_default_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "lectern", "blobs", NULL);
}

void
lectern_github_publisher_set_api_url (LecternGithubPublisher *self,
                                      const char             *api_url)
{
  g_return_if_fail (LECTERN_IS_GITHUB_PUBLISHER (self));
  g_free (self->api_url);
  self->api_url = g_strdup (api_url);
}

void
lectern_github_publisher_set_timeout (LecternGithubPublisher *self,
                                      guint                   seconds)
{
  g_return_if_fail (LECTERN_IS_GITHUB_PUBLISHER (self));
  self->timeout_s = seconds;
}

void
lectern_github_publisher_set_backoff (LecternGithubPublisher *self,
                                      guint                   first_ms,
                                      guint                   max_wait_s)
{
  g_return_if_fail (LECTERN_IS_GITHUB_PUBLISHER (self));
  self->first_backoff_ms = first_ms;
  self->max_wait_s = max_wait_s;
}

void
lectern_github_publisher_set_cache_dir (LecternGithubPublisher *self,
                                        const char             *cache_dir)
{
  g_return_if_fail (LECTERN_IS_GITHUB_PUBLISHER (self));
  g_free (self->cache_dir);
  self->cache_dir = g_strdup (cache_dir);
}

gboolean
lectern_github_parse_repository (const char  *text,
                                 char       **owner,
                                 char       **repo,
                                 GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (text != NULL)
    parts = g_strsplit (text, "/", -1);

  if (parts == NULL || g_strv_length (parts) != 2 || *parts[0] == '\0' || *parts[1] == '\0' ||
      !g_regex_match_simple ("^[A-Za-z0-9_.-]+$", parts[0], 0, 0) ||
      !g_regex_match_simple ("^[A-Za-z0-9_.-]+$", parts[1], 0, 0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a GitHub repository: give it as OWNER/REPO, e.g. es-fomo/es-fomo.github.io."),
                   text != NULL ? text : "");
      return FALSE;
    }

  *owner = g_strdup (parts[0]);
  *repo = g_strdup (parts[1]);
  return TRUE;
}

void
_lectern_github_progress (GTask      *task,
                          const char *format,
                          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_debug ("%s", text);
  g_signal_emit (g_task_get_source_object (task), signals[PROGRESS], 0, text);
}

void
_lectern_github_fail (GTask  *task,
                      GError *error)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  gboolean says_so = strstr (error->message, "Nothing was published") != NULL;

  if (error->domain == LECTERN_PUBLISH_ERROR &&
      (error->code == LECTERN_PUBLISH_ERROR_PROTECTED || error->code == LECTERN_PUBLISH_ERROR_MOVED))
    says_so = TRUE;

  /* until the branch is asked to move, it is as it was */
  if (!says_so && !job->patch_sent)
    g_prefix_error (&error, _("Nothing was published: %s was left as it was. "), self->branch);
  else if (!says_so)
    g_prefix_error (&error, _("%s may or may not have moved to the new commit: publish again to "
                              "make sure (the same files are never committed twice). "),
                    self->branch);
  g_task_return_error (task, error);
}

/* The branch's path under git/ref/ or git/refs/: each segment escaped,
 * the slashes kept (GitHub takes the ref as several segments).
 */
char *
_lectern_github_ref_path (const char *prefix,
                          const char *branch)
{
  g_auto(GStrv) segments = g_strsplit (branch, "/", -1);
  g_autoptr(GString) path = g_string_new (prefix);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (segments[i], NULL, FALSE);

      g_string_append_printf (path, "%s%s", i == 0 ? "" : "/", escaped);
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

const char *
_lectern_github_member_string (JsonNode   *node,
                               const char *object_member,
                               const char *member)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (object_member != NULL)
    {
      JsonNode *inner = json_object_get_member (object, object_member);

      if (inner == NULL || !JSON_NODE_HOLDS_OBJECT (inner))
        return NULL;
      object = json_node_get_object (inner);
    }

  return json_object_get_string_member_with_default (object, member, NULL);
}

void
_lectern_github_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

gboolean
_lectern_github_is_sha (const char *sha)
{
  return sha != NULL && strlen (sha) == 40 && strspn (sha, "0123456789abcdef") == 40;
}

static GError *
nonsense (const char *doing)
{
  return g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_SERVER,
                      _("GitHub’s answer while %s could not be read."),
                      doing);
}

static void read_head (GTask *task);
static void fetch_pages (GTask *task);

/* Each step's request, and where its answer goes: the answer of a
 * success status, or the error in words.
 */
typedef struct
{
  GTask      *task;
  AnswerFunc  func;
} Step;

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  Step *step = data;
  g_autoptr(GTask) task = step->task;
  AnswerFunc func = step->func;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  guint status = 0;

  g_free (step);

  answer = lectern_github_client_request_finish (LECTERN_GITHUB_CLIENT (object), result, &status, &error);
  if (error != NULL)
    {
      _lectern_github_fail (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  func (task, status, answer);
}

void
_lectern_github_request (GTask      *task,
                         const char *method,
                         const char *path,
                         JsonNode   *body,
                         AnswerFunc  func)
{
  Job *job = g_task_get_task_data (task);
  Step *step = g_new0 (Step, 1);

  step->task = g_object_ref (task);
  step->func = func;
  lectern_github_client_request_async (job->client, method, path, body,
                                       g_task_get_cancellable (task), answered_cb, step);
}

gboolean
_lectern_github_refuse (GTask      *task,
                        guint       status,
                        guint       expected,
                        JsonNode   *answer,
                        const char *doing)
{
  Job *job = g_task_get_task_data (task);

  if (status == expected)
    return FALSE;

  _lectern_github_fail (task, lectern_github_client_explain (job->client, status, answer, doing));
  return TRUE;
}

/* The id a success answer names (@object_member's "sha", or its own),
 * or NULL once the task has failed, in words.
 */
const char *
_lectern_github_expect_sha (GTask      *task,
                            guint       status,
                            guint       expected,
                            JsonNode   *answer,
                            const char *object_member,
                            const char *doing)
{
  const char *sha;

  if (_lectern_github_refuse (task, status, expected, answer, doing))
    return NULL;

  sha = _lectern_github_member_string (answer, object_member, "sha");
  if (!_lectern_github_is_sha (sha))
    {
      _lectern_github_fail (task, nonsense (doing));
      return NULL;
    }

  return sha;
}

/* 1. The head of the branch */

static void
head_read (GTask    *task,
           guint     status,
           JsonNode *answer)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autofree char *doing = g_strdup_printf (_("reading the branch “%s”"), self->branch);
  const char *sha;

  if (!(sha = _lectern_github_expect_sha (task, status, 200, answer, "object", doing)))
    return;

  g_free (job->head);
  job->head = g_strdup (sha);
  _lectern_github_read_tree (task);
}

static void
read_head (GTask *task)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  g_autofree char *path = _lectern_github_ref_path ("git/ref/heads/", self->branch);

  _lectern_github_progress (task, _("Reading %s/%s, branch %s…"), self->owner, self->repo, self->branch);
  _lectern_github_request (task, "GET", path, NULL, head_read);
}

/* 2. Every path the branch has, with its blob id */

static void
tree_read (GTask    *task,
           guint     status,
           JsonNode *answer)
{
  Job *job = g_task_get_task_data (task);
  const char *doing = _("listing the branch’s files");
  JsonObject *object;
  JsonArray *entries;
  const char *sha;

  if (_lectern_github_refuse (task, status, 200, answer, doing))
    return;

  sha = _lectern_github_member_string (answer, NULL, "sha");
  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  entries = object != NULL && json_object_has_member (object, "tree")
    ? json_object_get_array_member (object, "tree") : NULL;
  if (!_lectern_github_is_sha (sha) || entries == NULL)
    {
      _lectern_github_fail (task, nonsense (doing));
      return;
    }

  if (json_object_get_boolean_member_with_default (object, "truncated", FALSE))
    {
      _lectern_github_fail (task, g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_SERVER,
                                               _("The repository has more files than GitHub lists in "
                                                 "one answer (100,000). Publish through a local clone "
                                                 "instead.")));
      return;
    }

  g_free (job->base_tree);
  job->base_tree = g_strdup (sha);
  g_hash_table_remove_all (job->remote);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      const char *path = _lectern_github_member_string (node, NULL, "path");
      RemoteEntry *entry;

      if (path == NULL)
        continue;

      entry = g_new0 (RemoteEntry, 1);
      entry->mode = g_strdup (_lectern_github_member_string (node, NULL, "mode"));
      entry->type = g_strdup (_lectern_github_member_string (node, NULL, "type"));
      entry->sha = g_strdup (_lectern_github_member_string (node, NULL, "sha"));
      g_hash_table_replace (job->remote, g_strdup (path), entry);
    }

  job->next = 0;
  fetch_pages (task);
}

void
_lectern_github_read_tree (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("git/trees/%s?recursive=1", job->head);

  _lectern_github_request (task, "GET", path, NULL, tree_read);
}

/* A path of ours that the branch has under something that is not a
 * folder (a link, a submodule): GitHub would replace it, or refuse.
 */
static GError *
check_path (Job        *job,
            const char *path)
{
  g_autofree char *prefix = g_strdup (path);
  char *slash;

  while ((slash = strrchr (prefix, '/')) != NULL)
    {
      RemoteEntry *entry;

      *slash = '\0';
      entry = g_hash_table_lookup (job->remote, prefix);
      if (entry != NULL && g_strcmp0 (entry->type, "tree") != 0)
        return g_error_new (LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                            _("“%s” in the repository is not a folder (a link or a submodule), so "
                              "Lectern will not write %s through it. Nothing was published."),
                            prefix, path);
    }

  return NULL;
}

/* The pages whose block Lectern owns, and the calendar, as the branch
 * has them: from the cache, else one request each.
 */
static void
page_fetched (GTask    *task,
              guint     status,
              JsonNode *answer)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  Planned *planned = g_ptr_array_index (job->planned, job->next);
  RemoteEntry *entry = g_hash_table_lookup (job->remote, planned->file->path);
  g_autofree char *doing = g_strdup_printf (_("reading %s"), planned->file->path);
  g_autofree char *text = NULL, *sha = NULL;
  const char *content = _lectern_github_member_string (answer, NULL, "content");
  g_autoptr(GBytes) bytes = NULL;
  guchar *data;
  gsize len;

  if (_lectern_github_refuse (task, status, 200, answer, doing))
    return;

  if (content == NULL || g_strcmp0 (_lectern_github_member_string (answer, NULL, "encoding"), "base64") != 0)
    {
      _lectern_github_fail (task, nonsense (doing));
      return;
    }

  /* GitHub wraps the base64 in lines */
  text = g_strdup (content);
  g_strdelimit (text, "\n", ' ');
  g_strstrip (text);
  data = g_base64_decode (text, &len);
  bytes = g_bytes_new_take (data, len);
  sha = lectern_git_blob_sha1 (bytes);
  if (g_strcmp0 (sha, entry->sha) != 0)
    {
      _lectern_github_fail (task, nonsense (doing));
      return;
    }

  lectern_blob_cache_store (self->cache_dir, sha, bytes);
  planned->current = g_steal_pointer (&bytes);
  job->next++;
  fetch_pages (task);
}

static void plan (GTask *task);

static void
fetch_pages (GTask *task)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  for (; job->next < job->planned->len; job->next++)
    {
      Planned *planned = g_ptr_array_index (job->planned, job->next);
      RemoteEntry *entry;
      g_autofree char *path = NULL;

      g_clear_pointer (&planned->current, g_bytes_unref);
      entry = g_hash_table_lookup (job->remote, planned->file->path);

      /* a card the branch still has as the workshop file last saw it
       * there: known without a request, so that its own formatting is
       * kept where it means the same (lectern-site-adapt.c) */
      if (planned->file->kind == LECTERN_SITE_FILE_CARD && entry != NULL && job->records != NULL)
        {
          LecternSiteRecord *record = g_hash_table_lookup (job->records, planned->file->path);
          g_autofree char *sha = record != NULL && record->contents != NULL
                                 ? lectern_git_blob_sha1 (record->contents) : NULL;

          if (sha != NULL && g_strcmp0 (sha, entry->sha) == 0)
            planned->current = g_bytes_ref (record->contents);
        }

      /* a page, for the site's text around Lectern's block; the
       * calendar, for the stamps of the events that did not change */
      if (planned->file->ownership != LECTERN_SITE_OWN_BLOCK &&
          !(planned->file->kind == LECTERN_SITE_FILE_PROGRAM && g_str_has_suffix (planned->file->path, ".ics")))
        continue;

      if (entry == NULL || g_strcmp0 (entry->type, "blob") != 0)
        continue;

      planned->current = lectern_blob_cache_lookup (self->cache_dir, entry->sha);
      if (planned->current != NULL)
        continue;

      path = g_strdup_printf ("git/blobs/%s", entry->sha);
      _lectern_github_request (task, "GET", path, NULL, page_fetched);
      return;
    }

  plan (task);
}

static gboolean
is_binary (const LecternSiteFile *file,
           GBytes                *contents)
{
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);

  return file->kind == LECTERN_SITE_FILE_IMAGE ||
         !g_utf8_validate_len (data != NULL ? data : "", len, NULL) ||
         (data != NULL && memchr (data, '\0', len) != NULL);
}

/* What changed: each file's blob id against the branch's */
static void
plan (GTask *task)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autofree char *message = NULL;
  guint n_changed = 0;

  g_clear_object (&job->result);
  job->result = lectern_publish_result_new ();

  for (guint i = 0; i < job->planned->len; i++)
    {
      Planned *planned = g_ptr_array_index (job->planned, i);
      RemoteEntry *entry = g_hash_table_lookup (job->remote, planned->file->path);
      GError *error = check_path (job, planned->file->path);
      g_autoptr(GBytes) old = NULL;

      if (error == NULL && entry != NULL && g_strcmp0 (entry->type, "blob") != 0)
        error = g_error_new (LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                             _("%s in the repository is a folder or a submodule, not a file. "
                               "Nothing was published."), planned->file->path);
      if (error == NULL)
        {
          g_clear_pointer (&planned->contents, g_bytes_unref);
          planned->contents = lectern_site_tree_resolve (job->tree, planned->file,
                                                         planned->current, &error);
        }
      if (error != NULL)
        {
          _lectern_github_fail (task, error);
          return;
        }

      g_free (planned->sha);
      planned->sha = lectern_git_blob_sha1 (planned->contents);
      planned->binary = is_binary (planned->file, planned->contents);
      /* a link (120000) or an executable (100755) becomes a plain file */
      planned->changed = entry == NULL || g_strcmp0 (entry->sha, planned->sha) != 0 ||
                         g_strcmp0 (entry->mode, "100644") != 0;
      if (!planned->changed)
        continue;

      n_changed++;
      if (entry != NULL)
        old = planned->current != NULL ? g_bytes_ref (planned->current)
                                       : lectern_blob_cache_lookup (self->cache_dir, entry->sha);
      lectern_publish_result_add_change (job->result, planned->file->path, old,
                                         entry == NULL || old != NULL, planned->contents,
                                         planned->file->kind);
    }

  message = lectern_publish_result_describe_changes (job->result);
  lectern_publish_result_set_message (job->result, message);

  if (n_changed == 0)
    {
      _lectern_github_progress (task, _("Nothing to publish: %s/%s already has the site as it is."),
                                self->owner, self->repo);
      _lectern_github_finish (task);
      return;
    }

  if (job->flags & LECTERN_PUBLISH_DRY_RUN)
    {
      _lectern_github_finish (task);
      return;
    }

  job->next = 0;
  _lectern_github_upload_blobs (task);
}

void
_lectern_github_finish (GTask *task)
{
  LecternGithubPublisher *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  /* what the branch has now is known: the next publish need not ask */
  for (guint i = 0; i < job->planned->len; i++)
    {
      Planned *planned = g_ptr_array_index (job->planned, i);

      if (planned->contents != NULL && job->commit_sha != NULL &&
          (planned->file->ownership == LECTERN_SITE_OWN_BLOCK ||
           planned->file->kind == LECTERN_SITE_FILE_PROGRAM ||
           strcmp (planned->file->path, SCHEDULE_DATA) == 0))
        lectern_blob_cache_store (self->cache_dir, planned->sha, planned->contents);
    }

  if (job->commit_sha != NULL)
    {
      lectern_publish_result_set_commit (job->result, job->commit_sha, job->commit_url);
      lectern_publish_result_set_published (job->result, TRUE);
    }

  /* the branch's cards now, noted in the workshop file (not for a pull
   * request: the branch does not have them yet) */
  if (job->commit_sha != NULL && job->pr_branch == NULL)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < job->planned->len; i++)
        {
          Planned *planned = g_ptr_array_index (job->planned, i);
          LecternExportFile *file;

          if ((planned->file->kind != LECTERN_SITE_FILE_CARD && planned->file->kind != LECTERN_SITE_FILE_PAGE) ||
              planned->contents == NULL)
            continue;
          file = g_new0 (LecternExportFile, 1);
          file->path = (char *) planned->file->path;
          file->contents = planned->contents;
          file->kind = planned->file->kind;
          g_ptr_array_add (files, file);
        }
      if (!lectern_site_record_files (self->store, files, &error))
        g_warning ("The workshop file could not note what the branch has now: %s", error->message);
    }
  lectern_publish_result_set_n_requests (job->result, lectern_github_client_get_n_requests (job->client));
  g_task_return_pointer (task, g_object_ref (job->result), g_object_unref);
}

/* The site tree, rendered off the main thread on a connection of its
 * own, as the exporter does.
 */
/* The site tree, and the workshop file's record of the site */
typedef struct
{
  LecternSiteTree *tree;
  GHashTable      *records;
} Rendered;

static void
rendered_free (Rendered *rendered)
{
  g_clear_object (&rendered->tree);
  g_clear_pointer (&rendered->records, g_hash_table_unref);
  g_free (rendered);
}

static void
render_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(LecternStore) store = NULL;
  Rendered *rendered = g_new0 (Rendered, 1);
  GError *error = NULL;

  store = lectern_store_open (path, &error);
  if (store == NULL || !(rendered->tree = lectern_site_render (store, &error)) ||
      !(rendered->records = lectern_store_get_site_records (store, &error)))
    {
      rendered_free (rendered);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, rendered, (GDestroyNotify) rendered_free);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  {
    Rendered *rendered = g_task_propagate_pointer (G_TASK (result), &error);

    if (rendered == NULL)
      {
        g_task_return_error (task, error);
        return;
      }
    job->tree = g_steal_pointer (&rendered->tree);
    job->records = g_steal_pointer (&rendered->records);
    rendered_free (rendered);
  }

  if (g_task_return_error_if_cancelled (task))
    return;

  for (guint i = 0; i < lectern_site_tree_get_n_files (job->tree); i++)
    {
      Planned *planned = g_new0 (Planned, 1);

      planned->file = lectern_site_tree_get_file (job->tree, i);
      g_ptr_array_add (job->planned, planned);
    }

  read_head (task);
}

static void
waiting_cb (LecternGithubClient *client,
            guint                seconds,
            const char          *reason,
            gpointer             data)
{
  GTask *task = data;

  if (g_strcmp0 (reason, "rate-limit") == 0)
    _lectern_github_progress (task, _("GitHub’s rate limit: waiting %u s, as GitHub asks…"), seconds);
  else
    _lectern_github_progress (task, _("No answer from GitHub (%s): trying again…"), reason);
}

void
lectern_github_publisher_publish_async (LecternGithubPublisher *self,
                                        LecternPublishFlags     flags,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) render = NULL;
  Job *job;

  g_return_if_fail (LECTERN_IS_GITHUB_PUBLISHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_github_publisher_publish_async);

  if (self->token == NULL || *self->token == '\0')
    {
      g_task_return_new_error (task, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NO_TOKEN,
                               _("Publishing to GitHub needs a token with Contents: write on %s/%s."),
                               self->owner, self->repo);
      return;
    }

  job = g_new0 (Job, 1);
  job->flags = flags;
  job->client = lectern_github_client_new (self->api_url, self->owner, self->repo, self->token);
  lectern_github_client_set_timeout (job->client, self->timeout_s);
  lectern_github_client_set_backoff (job->client, self->first_backoff_ms, self->max_wait_s);
  job->remote = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, remote_entry_free);
  job->planned = g_ptr_array_new_with_free_func (planned_free);
  job->uploaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->result = lectern_publish_result_new ();
  g_task_set_task_data (task, job, job_free);
  job->waiting_id = g_signal_connect (job->client, "waiting", G_CALLBACK (waiting_cb), task);

  _lectern_github_progress (task, _("Reading the workshop…"));
  render = g_task_new (self, cancellable, rendered_cb, g_object_ref (task));
  g_task_set_source_tag (render, lectern_github_publisher_publish_async);
  g_task_set_task_data (render, g_strdup (lectern_store_get_path (self->store)), g_free);
  g_task_run_in_thread (render, render_worker);
}

LecternPublishResult *
lectern_github_publisher_publish_finish (LecternGithubPublisher *self,
                                         GAsyncResult           *result,
                                         GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_github_publisher_publish_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
