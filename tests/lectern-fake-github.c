/* lectern-fake-github.c: a local server that plays GitHub's REST API
 *
 * Every request is answered from a real bare repository, with git
 * plumbing run as a child process (an argv array, GIT_DIR in its
 * environment, never a shell). Trees are built in a temporary index
 * file, as `git commit` would, so what a client publishes can be checked
 * afterwards with plain git. See lectern-fake-github.h for the
 * endpoints, and docs publish-api.md §7.1 for the plumbing mapping.
 *
 * This file: the object and its server, the checks every request meets
 * and its dispatch, the faults, the request log, the fixtures, and the
 * replies; the plumbing is in lectern-fake-github-git.c, the endpoints
 * in lectern-fake-github-endpoints.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-fake-github-private.h"

#define API_VERSION "2022-11-28"
#define RATE_LIMIT 5000

/* What GitHub answers a request without a User-Agent: plain text, not
 * JSON (docs: "Requests with no User-Agent header will be rejected",
 * publish-api.md §2.1; these words as GitHub's servers send them).
 */
#define NO_USER_AGENT_TEXT \
  "Request forbidden by administrative rules. Please make sure your request " \
  "has a User-Agent header (https://docs.github.com/en/rest/overview/" \
  "resources-in-the-rest-api#user-agent-required). Check " \
  "https://developer.github.com for other possible causes.\n"

/* The same words as tests/fixtures/octokit/unauthorized.json, for when
 * LECTERN_FIXTURES is not set.
 */
#define BAD_CREDENTIALS_JSON \
  "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"

typedef struct
{
  LecternFakeFaultKind kind;
  char *method;
  char *path_prefix;
  guint times;
  guint status;
  char *body;
  char *headers;
  guint delay_ms;
} Fault;

/* A request held back by a _SLOW fault */
typedef struct
{
  LecternFakeGithub *self;
  SoupServerMessage *msg;
  char *path;
  GHashTable *query;
  GSource *source;
  gulong disconnected_id;
} SlowReply;

G_DEFINE_FINAL_TYPE (LecternFakeGithub, lectern_fake_github, G_TYPE_OBJECT)

static void answer (LecternFakeGithub *self,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query);

/* Faults and held-back replies */

static void
fault_free (gpointer data)
{
  Fault *fault = data;

  g_free (fault->method);
  g_free (fault->path_prefix);
  g_free (fault->body);
  g_free (fault->headers);
  g_free (fault);
}

static void
slow_reply_free (SlowReply *slow)
{
  if (slow->source != NULL)
    {
      g_source_destroy (slow->source);
      g_source_unref (slow->source);
    }
  g_clear_signal_handler (&slow->disconnected_id, slow->msg);
  g_object_unref (slow->msg);
  g_free (slow->path);
  g_clear_pointer (&slow->query, g_hash_table_unref);
  g_free (slow);
}

/* Replies */

char *
_lectern_fake_github_api_url (LecternFakeGithub *self,
                              const char        *format,
                              ...)
{
  g_autofree char *rest = NULL;
  va_list args;

  va_start (args, format);
  rest = g_strdup_vprintf (format, args);
  va_end (args);

  return g_strconcat (self->url, self->repo_path, "/", rest, NULL);
}

/* libsoup 3.2 knows no 429 (publish-api.md §6.2) */
static const char *
status_phrase (guint status)
{
  if (status == 429)
    return "Too Many Requests";

  return soup_status_get_phrase (status);
}

static void
reply_text (SoupServerMessage *msg,
            guint              status,
            const char        *content_type,
            const char        *text)
{
  soup_server_message_set_status (msg, status, status_phrase (status));
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

static void
reply_json_text (SoupServerMessage *msg,
                 guint              status,
                 const char        *json)
{
  reply_text (msg, status, "application/json; charset=utf-8", json);
}

void
_lectern_fake_github_reply_json (SoupServerMessage *msg,
                                 guint              status,
                                 JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, FALSE);

  reply_json_text (msg, status, text);
}

/* GitHub's error body: {"message", "documentation_url", "status"} */
void
_lectern_fake_github_reply_error (SoupServerMessage *msg,
                                  guint              status,
                                  const char        *message,
                                  const char        *documentation_url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *code = g_strdup_printf ("%u", status);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "documentation_url");
  json_builder_add_string_value (builder, documentation_url);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, code);
  json_builder_end_object (builder);

  _lectern_fake_github_reply_json (msg, status, builder);
}

/* 422 "Validation Failed" with one error, as the troubleshooting page
 * documents them (publish-api.md §2.3)
 */
void
_lectern_fake_github_reply_validation_failed (SoupServerMessage *msg,
                                              const char        *resource,
                                              const char        *field,
                                              const char        *code,
                                              const char        *message,
                                              const char        *documentation_url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, "Validation Failed");
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resource");
  json_builder_add_string_value (builder, resource);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field);
    }
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  if (message != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "documentation_url");
  json_builder_add_string_value (builder, documentation_url);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "422");
  json_builder_end_object (builder);

  _lectern_fake_github_reply_json (msg, 422, builder);
}

static void
reply_not_found (SoupServerMessage *msg)
{
  _lectern_fake_github_reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
}

void
_lectern_fake_github_reply_internal_error (SoupServerMessage *msg,
                                           GError            *error)
{
  g_warning ("fake GitHub: %s", error->message);
  _lectern_fake_github_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message, DOC_REST);
}

/* The request's body as a JSON object; otherwise answers 400 as GitHub
 * does (publish-api.md §2.3) and returns NULL.
 */
JsonNode *
_lectern_fake_github_request_object (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    {
      _lectern_fake_github_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "Problems parsing JSON", DOC_REST);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _lectern_fake_github_reply_error (msg, SOUP_STATUS_BAD_REQUEST,
                                        "Body should be a JSON object", DOC_REST);
      return NULL;
    }

  return json_node_ref (root);
}

/* A member that is a string, or NULL (missing, null or another type) */
const char *
_lectern_fake_github_member_string (JsonObject *object,
                                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

void
_lectern_fake_github_add_string_member (JsonBuilder *builder,
                                        const char  *name,
                                        const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* The request */

/* The part of @path after "/repos/OWNER/REPO/", or NULL */
static const char *
repo_relative (LecternFakeGithub *self,
               const char        *path)
{
  gsize length = strlen (self->repo_path);

  if (strncmp (path, self->repo_path, length) != 0 || path[length] != '/')
    return NULL;

  return path + length + 1;
}

/* The branch a _MOVE_BRANCH fault moves: the one the request names, or
 * the repository's HEAD
 */
static char *
fault_branch (LecternFakeGithub *self,
              const char        *path)
{
  const char *relative = repo_relative (self, path);
  const char *argv[] = { "git", "symbolic-ref", "--short", "HEAD", NULL };

  if (relative != NULL && g_str_has_prefix (relative, "git/ref/heads/"))
    return g_uri_unescape_string (relative + strlen ("git/ref/heads/"), NULL);
  if (relative != NULL && g_str_has_prefix (relative, "git/refs/heads/"))
    return g_uri_unescape_string (relative + strlen ("git/refs/heads/"), NULL);

  return _lectern_fake_github_git_line (self, NULL, argv, NULL, NULL);
}

/* The first fault this request meets, taken; NULL if none */
static Fault *
take_fault (LecternFakeGithub *self,
            const char        *method,
            const char        *path)
{
  const char *relative = repo_relative (self, path);

  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = self->faults->pdata[i];
      Fault *taken;

      if (fault->method != NULL && g_ascii_strcasecmp (fault->method, method) != 0)
        continue;
      if (fault->path_prefix != NULL &&
          (relative == NULL || !g_str_has_prefix (relative, fault->path_prefix)))
        continue;

      taken = g_memdup2 (fault, sizeof *fault);
      taken->method = g_strdup (fault->method);
      taken->path_prefix = g_strdup (fault->path_prefix);
      taken->body = g_strdup (fault->body);
      taken->headers = g_strdup (fault->headers);
      if (--fault->times == 0)
        g_ptr_array_remove_index (self->faults, i);

      return taken;
    }

  return NULL;
}

/* The headers GitHub sends with every answer (publish-api.md §2.4) */
static void
add_github_headers (LecternFakeGithub *self,
                    SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *limit = g_strdup_printf ("%d", RATE_LIMIT);
  g_autofree char *remaining = g_strdup_printf ("%d", MAX (0, RATE_LIMIT - (int) self->n_requests));
  g_autofree char *used = g_strdup_printf ("%u", self->n_requests);
  g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, self->rate_reset);
  g_autofree char *request_id = g_strdup_printf ("FA4E:%04X:%06X:%06X:%08X",
                                                 self->n_requests & 0xffff, self->n_requests,
                                                 self->n_requests * 7, (guint) self->rate_reset);

  soup_message_headers_replace (headers, "x-ratelimit-limit", limit);
  soup_message_headers_replace (headers, "x-ratelimit-remaining", remaining);
  soup_message_headers_replace (headers, "x-ratelimit-reset", reset);
  soup_message_headers_replace (headers, "x-ratelimit-used", used);
  soup_message_headers_replace (headers, "x-ratelimit-resource", "core");
  soup_message_headers_replace (headers, "x-github-request-id", request_id);
  soup_message_headers_replace (headers, "x-github-api-version-selected", API_VERSION);
  soup_message_headers_replace (headers, "x-github-media-type", "github.v3; format=json");
}

static void
reply_fault (SoupServerMessage *msg,
             Fault             *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (fault->body != NULL)
    reply_json_text (msg, fault->status, fault->body);
  else
    _lectern_fake_github_reply_error (msg, fault->status, status_phrase (fault->status), DOC_REST);

  if (fault->headers != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (fault->headers, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *colon = strchr (lines[i], ':');

          if (colon == NULL)
            continue;
          *colon = '\0';
          soup_message_headers_replace (headers, g_strstrip (lines[i]), g_strstrip (colon + 1));
        }
    }
}

static void
slow_reply_disconnected_cb (SoupServerMessage *msg,
                            SlowReply         *slow)
{
  LecternFakeGithub *self = slow->self;

  self->slow_replies = g_list_remove (self->slow_replies, slow);
  slow_reply_free (slow);
}

static gboolean
slow_reply_cb (gpointer user_data)
{
  SlowReply *slow = user_data;
  LecternFakeGithub *self = slow->self;

  answer (self, slow->msg, slow->path, slow->query);

  self->slow_replies = g_list_remove (self->slow_replies, slow);
  g_clear_signal_handler (&slow->disconnected_id, slow->msg);
  soup_server_message_unpause (slow->msg);
  g_clear_pointer (&slow->source, g_source_unref);
  slow_reply_free (slow);

  return G_SOURCE_REMOVE;
}

static void
hold_back (LecternFakeGithub *self,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           guint              delay_ms)
{
  SlowReply *slow = g_new0 (SlowReply, 1);

  slow->self = self;
  slow->msg = g_object_ref (msg);
  slow->path = g_strdup (path);
  slow->query = query != NULL ? g_hash_table_ref (query) : NULL;
  slow->source = g_timeout_source_new (delay_ms);
  g_source_set_callback (slow->source, slow_reply_cb, slow, NULL);
  g_source_attach (slow->source, self->context);
  slow->disconnected_id = g_signal_connect (msg, "disconnected",
                                            G_CALLBACK (slow_reply_disconnected_cb), slow);
  self->slow_replies = g_list_prepend (self->slow_replies, slow);

  soup_server_message_pause (msg);
}

/* The token in "Bearer TOKEN" or "token TOKEN" */
static gboolean
is_authorized (LecternFakeGithub *self,
               const char        *authorization)
{
  if (authorization == NULL)
    return FALSE;

  if (g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    return g_str_equal (authorization + 7, self->token);
  if (g_ascii_strncasecmp (authorization, "token ", 6) == 0)
    return g_str_equal (authorization + 6, self->token);

  return FALSE;
}

static void
reply_unauthorized (SoupServerMessage *msg)
{
  g_autofree char *body = lectern_fake_github_fixture ("unauthorized.json");

  reply_json_text (msg, SOUP_STATUS_UNAUTHORIZED, body != NULL ? body : BAD_CREDENTIALS_JSON);
}

/* Whether @method and @relative are @route_method and @prefix followed
 * by a name; @name is set to that name, %-decoded.
 */
static gboolean
route (const char  *method,
       const char  *relative,
       const char  *route_method,
       const char  *prefix,
       char       **name)
{
  if (!g_str_equal (method, route_method) || !g_str_has_prefix (relative, prefix) ||
      relative[strlen (prefix)] == '\0')
    return FALSE;

  *name = g_uri_unescape_string (relative + strlen (prefix), NULL);

  return *name != NULL;
}

/* The request as GitHub would answer it, faults aside */
static void
answer (LecternFakeGithub *self,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *user_agent = soup_message_headers_get_one (request, "User-Agent");
  const char *version = soup_message_headers_get_one (request, "X-GitHub-Api-Version");
  const char *relative;
  g_autofree char *rest = NULL;

  if (user_agent == NULL || user_agent[0] == '\0')
    {
      reply_text (msg, SOUP_STATUS_FORBIDDEN, "text/plain; charset=utf-8", NO_USER_AGENT_TEXT);
      return;
    }

  if (!is_authorized (self, soup_message_headers_get_one (request, "Authorization")))
    {
      reply_unauthorized (msg);
      return;
    }

  /* GitHub would use its default version without the header; the fake
   * insists, so that a client that forgets it is caught.
   */
  if (g_strcmp0 (version, API_VERSION) != 0)
    {
      g_autofree char *message = g_strdup_printf ("Unsupported 'X-GitHub-Api-Version' header '%s'. "
                                                  "The fake GitHub expects " API_VERSION ".",
                                                  version != NULL ? version : "");

      _lectern_fake_github_reply_error (msg, SOUP_STATUS_BAD_REQUEST, message,
                                        "https://docs.github.com/rest/about-the-rest-api/api-versions");
      return;
    }

  if (g_str_equal (path, self->repo_path) && g_str_equal (method, "GET"))
    {
      _lectern_fake_github_get_repository (self, msg);
      return;
    }

  relative = repo_relative (self, path);
  if (relative == NULL)
    {
      reply_not_found (msg);
      return;
    }

  /* publish-api.md §1.2: an empty repository answers the Git database
   * endpoints with 409; GitHub's words for it
   */
  if (g_str_has_prefix (relative, "git/") && _lectern_fake_github_git_is_empty (self))
    {
      _lectern_fake_github_reply_error (msg, SOUP_STATUS_CONFLICT, "Git Repository is empty.", DOC_REST);
      return;
    }

  if (route (method, relative, "GET", "git/ref/heads/", &rest))
    _lectern_fake_github_get_ref (self, msg, rest);
  else if (route (method, relative, "GET", "git/commits/", &rest))
    _lectern_fake_github_get_commit (self, msg, rest);
  else if (route (method, relative, "GET", "git/trees/", &rest))
    _lectern_fake_github_get_tree (self, msg, rest,
                                   query != NULL && g_hash_table_contains (query, "recursive"));
  else if (route (method, relative, "GET", "git/blobs/", &rest))
    _lectern_fake_github_get_blob (self, msg, rest);
  else if (route (method, relative, "PATCH", "git/refs/heads/", &rest))
    _lectern_fake_github_update_ref (self, msg, rest);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/blobs"))
    _lectern_fake_github_create_blob (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/trees"))
    _lectern_fake_github_create_tree (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/commits"))
    _lectern_fake_github_create_commit (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/refs"))
    _lectern_fake_github_create_ref (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "pulls"))
    _lectern_fake_github_create_pull (self, msg);
  else
    reply_not_found (msg);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  LecternFakeGithub *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  Fault *fault;

  self->n_requests++;
  g_ptr_array_add (self->requests, g_strdup_printf ("%s %s", method, path));
  add_github_headers (self, msg);

  fault = take_fault (self, method, path);
  if (fault == NULL)
    {
      answer (self, msg, path, query);
      return;
    }

  switch (fault->kind)
    {
    case LECTERN_FAKE_FAULT_STATUS:
      reply_fault (msg, fault);
      break;

    case LECTERN_FAKE_FAULT_RESET:
      {
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

        if (stream != NULL)
          g_io_stream_close (stream, NULL, NULL);
      }
      break;

    case LECTERN_FAKE_FAULT_SLOW:
      hold_back (self, msg, path, query, fault->delay_ms);
      break;

    case LECTERN_FAKE_FAULT_MOVE_BRANCH:
      {
        g_autofree char *branch = fault_branch (self, path);
        g_autoptr(GError) error = NULL;

        if (branch == NULL || !_lectern_fake_github_move_branch (self, branch, &error))
          g_warning ("fake GitHub: could not move the branch: %s",
                     error != NULL ? error->message : "no branch");
        answer (self, msg, path, query);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  fault_free (fault);
}

/* The object */

static void
lectern_fake_github_finalize (GObject *object)
{
  LecternFakeGithub *self = LECTERN_FAKE_GITHUB (object);

  g_list_free_full (g_steal_pointer (&self->slow_replies), (GDestroyNotify) slow_reply_free);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->git_dir);
  g_strfreev (self->envp);
  g_free (self->owner);
  g_free (self->repo);
  g_free (self->token);
  g_free (self->url);
  g_free (self->repo_path);
  g_ptr_array_unref (self->requests);
  g_ptr_array_unref (self->faults);
  g_hash_table_unref (self->protected_branches);
  g_ptr_array_unref (self->pulls);

  G_OBJECT_CLASS (lectern_fake_github_parent_class)->finalize (object);
}

static void
lectern_fake_github_class_init (LecternFakeGithubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_fake_github_finalize;
}

static void
lectern_fake_github_init (LecternFakeGithub *self)
{
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  self->protected_branches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pulls = g_ptr_array_new_with_free_func (g_free);
  self->rate_reset = g_get_real_time () / G_USEC_PER_SEC + 3600;
}

LecternFakeGithub *
lectern_fake_github_new (const char  *git_dir,
                         const char  *owner,
                         const char  *repo,
                         const char  *token,
                         GError     **error)
{
  g_autoptr(LecternFakeGithub) self = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *uri_text = NULL;
  GSList *uris;
  const char *argv[] = { "git", "rev-parse", "--is-bare-repository", NULL };

  g_return_val_if_fail (git_dir != NULL, NULL);
  g_return_val_if_fail (owner != NULL, NULL);
  g_return_val_if_fail (repo != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LECTERN_TYPE_FAKE_GITHUB, NULL);
  self->git_dir = g_canonicalize_filename (git_dir, NULL);
  self->envp = _lectern_fake_github_git_environ (self->git_dir);
  self->owner = g_strdup (owner);
  self->repo = g_strdup (repo);
  self->token = g_strdup (token);
  self->repo_path = g_strdup_printf ("/repos/%s/%s", owner, repo);
  self->context = g_main_context_ref_thread_default ();

  if (!g_file_test (self->git_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no repository at %s", self->git_dir);
      return NULL;
    }

  bare = _lectern_fake_github_git_line (self, NULL, argv, NULL, error);
  if (bare == NULL)
    return NULL;
  if (!g_str_equal (bare, "true"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s is not a bare repository", self->git_dir);
      return NULL;
    }

  self->server = soup_server_new ("server-header", "GitHub.com", NULL);
  soup_server_add_handler (self->server, "/repos", server_cb, self, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return NULL;

  uris = soup_server_get_uris (self->server);
  g_return_val_if_fail (uris != NULL, NULL);
  uri_text = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (uri_text, "/"))
    uri_text[strlen (uri_text) - 1] = '\0';
  self->url = g_steal_pointer (&uri_text);

  return g_steal_pointer (&self);
}

const char *
lectern_fake_github_get_url (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), NULL);

  return self->url;
}

guint
lectern_fake_github_get_n_requests (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), 0);

  return self->n_requests;
}

/* Returns: (transfer none): "METHOD /path" each, in order */
GPtrArray *
lectern_fake_github_get_requests (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), NULL);

  return self->requests;
}

void
lectern_fake_github_reset_requests (LecternFakeGithub *self)
{
  g_return_if_fail (LECTERN_IS_FAKE_GITHUB (self));

  self->n_requests = 0;
  g_ptr_array_set_size (self->requests, 0);
}

void
lectern_fake_github_protect_branch (LecternFakeGithub *self,
                                    const char        *branch)
{
  g_return_if_fail (LECTERN_IS_FAKE_GITHUB (self));
  g_return_if_fail (branch != NULL);

  g_hash_table_add (self->protected_branches, g_strdup (branch));
}

void
lectern_fake_github_add_fault (LecternFakeGithub    *self,
                               LecternFakeFaultKind  kind,
                               const char           *method,
                               const char           *path_prefix,
                               guint                 times,
                               guint                 status,
                               const char           *body,
                               const char           *headers,
                               guint                 delay_ms)
{
  Fault *fault;

  g_return_if_fail (LECTERN_IS_FAKE_GITHUB (self));
  g_return_if_fail (kind <= LECTERN_FAKE_FAULT_MOVE_BRANCH);
  g_return_if_fail (kind != LECTERN_FAKE_FAULT_STATUS || (status >= 100 && status <= 599));

  if (times == 0)
    return;

  fault = g_new0 (Fault, 1);
  fault->kind = kind;
  fault->method = g_strdup (method);
  fault->path_prefix = g_strdup (path_prefix);
  fault->times = times;
  fault->status = status;
  fault->body = g_strdup (body);
  fault->headers = g_strdup (headers);
  fault->delay_ms = delay_ms;
  g_ptr_array_add (self->faults, fault);
}

char *
lectern_fake_github_fixture (const char *name)
{
  const char *fixtures = g_getenv ("LECTERN_FIXTURES");
  g_autofree char *path = NULL;
  char *text = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (fixtures == NULL)
    return NULL;

  path = g_build_filename (fixtures, "octokit", name, NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;

  return text;
}

/* Returns: (transfer none): "HEAD->BASE: TITLE" each, in order */
GPtrArray *
lectern_fake_github_get_pulls (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), NULL);

  return self->pulls;
}
