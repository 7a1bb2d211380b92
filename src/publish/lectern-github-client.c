/* lectern-github-client.c: requests to GitHub's REST API for one repository
 *
 * One request in flight at a time, as GitHub asks of integrators. Each
 * request carries the token (never logged, never in a URL), the API
 * version and a User-Agent. What can be retried is retried here, a
 * bounded number of times: 5xx answers, dropped connections and time-
 * outs with a doubling back-off; rate limits (429, or 403 with GitHub's
 * rate-limit headers) by waiting as `retry-after` or
 * `x-ratelimit-reset` say, unless that is longer than the caller allows.
 * Every request GitHub is sent counts, retries included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-github-client.h"
#include "lectern-publish-result.h"

#define API_VERSION "2022-11-28"
#define MAX_ATTEMPTS 4          /* for a server error or a lost connection */
#define MAX_RATE_WAITS 3

struct _LecternGithubClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *api_url;        /* without a trailing '/' */
  char        *owner;
  char        *repo;
  char        *authorization;  /* "Bearer TOKEN" */
  guint        first_backoff_ms;
  guint        max_wait_s;
  guint        n_requests;
  char        *accepted_permissions;  /* of the last answer, if it named them */
};

G_DEFINE_FINAL_TYPE (LecternGithubClient, lectern_github_client, G_TYPE_OBJECT)

enum { WAITING, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char   *method;
  char   *url;
  GBytes *body;
  guint   attempt;      /* sends after a server error or a lost connection */
  guint   rate_waits;
  gint64  wait_until;   /* monotonic µs, while waiting before a resend */
  guint   wait_source;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_handle_id (&request->wait_source, g_source_remove);
  g_free (request->method);
  g_free (request->url);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static void
lectern_github_client_finalize (GObject *object)
{
  LecternGithubClient *self = LECTERN_GITHUB_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->api_url);
  g_free (self->owner);
  g_free (self->repo);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_free (self->authorization);
  g_free (self->accepted_permissions);

  G_OBJECT_CLASS (lectern_github_client_parent_class)->finalize (object);
}

static void
lectern_github_client_class_init (LecternGithubClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_github_client_finalize;

  signals[WAITING] = g_signal_new ("waiting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   G_TYPE_UINT, G_TYPE_STRING);
}

static void
lectern_github_client_init (LecternGithubClient *self)
{
  self->first_backoff_ms = 1000;
  self->max_wait_s = 120;
}

LecternGithubClient *
lectern_github_client_new (const char *api_url,
                           const char *owner,
                           const char *repo,
                           const char *token)
{
  LecternGithubClient *self;
  gsize len;

  g_return_val_if_fail (owner != NULL && repo != NULL && token != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_GITHUB_CLIENT, NULL);
  self->api_url = g_strdup (api_url != NULL && *api_url != '\0' ? api_url : LECTERN_GITHUB_API_URL);
  len = strlen (self->api_url);
  while (len > 0 && self->api_url[len - 1] == '/')
    self->api_url[--len] = '\0';
  self->owner = g_strdup (owner);
  self->repo = g_strdup (repo);
  self->authorization = g_strdup_printf ("Bearer %s", token);
  /* GitHub cuts off a request after 10 s of work: wait longer than that */
  self->session = soup_session_new_with_options ("timeout", 60,
                                                 "user-agent", "Lectern/" PACKAGE_VERSION " ",
                                                 NULL);

  return self;
}

const char *
lectern_github_client_get_owner (LecternGithubClient *self)
{
  g_return_val_if_fail (LECTERN_IS_GITHUB_CLIENT (self), NULL);
  return self->owner;
}

const char *
lectern_github_client_get_repo (LecternGithubClient *self)
{
  g_return_val_if_fail (LECTERN_IS_GITHUB_CLIENT (self), NULL);
  return self->repo;
}

void
lectern_github_client_set_timeout (LecternGithubClient *self,
                                   guint                seconds)
{
  g_return_if_fail (LECTERN_IS_GITHUB_CLIENT (self));
  soup_session_set_timeout (self->session, seconds);
}

void
lectern_github_client_set_backoff (LecternGithubClient *self,
                                   guint                first_ms,
                                   guint                max_wait_s)
{
  g_return_if_fail (LECTERN_IS_GITHUB_CLIENT (self));
  self->first_backoff_ms = first_ms;
  self->max_wait_s = max_wait_s;
}

guint
lectern_github_client_get_n_requests (LecternGithubClient *self)
{
  g_return_val_if_fail (LECTERN_IS_GITHUB_CLIENT (self), 0);
  return self->n_requests;
}

static void send_request (GTask *task);

static gboolean
wait_tick (gpointer data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      request->wait_source = 0;
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }

  if (g_get_monotonic_time () < request->wait_until)
    return G_SOURCE_CONTINUE;

  request->wait_source = 0;
  send_request (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Sends the request again after @ms; the wait ends early if cancelled. */
static void
resend_after (GTask *task,
              guint  ms)
{
  Request *request = g_task_get_task_data (task);

  request->wait_until = g_get_monotonic_time () + (gint64) ms * 1000;
  request->wait_source = g_timeout_add (MIN (ms, 100u), wait_tick, g_object_ref (task));
}

static gboolean
is_transient (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  /* a TLS certificate that is not accepted will not be accepted later */
  if (error->domain == G_TLS_ERROR)
    return FALSE;

  return error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR ||
         error->domain == SOUP_SESSION_ERROR;
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
}

/* How long a rate limit asks us to wait, in seconds; 0 if the answer
 * is no rate limit. GitHub's words: 429, or 403 with
 * x-ratelimit-remaining: 0, or a retry-after, or a message saying so.
 */
static guint
rate_limit_wait (SoupMessage *message,
                 JsonNode    *answer)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  guint status = soup_message_get_status (message);
  const char *retry_after = soup_message_headers_get_one (headers, "retry-after");
  const char *remaining = soup_message_headers_get_one (headers, "x-ratelimit-remaining");
  const char *reset = soup_message_headers_get_one (headers, "x-ratelimit-reset");
  const char *text = lectern_github_client_get_message (answer);
  gboolean said = text != NULL && strstr (text, "rate limit") != NULL;

  if (status != 429 && !(status == 403 && (retry_after != NULL || g_strcmp0 (remaining, "0") == 0 || said)))
    return 0;

  if (retry_after != NULL && g_ascii_isdigit (*retry_after))
    return MAX (1, (guint) g_ascii_strtoull (retry_after, NULL, 10));

  if (g_strcmp0 (remaining, "0") == 0 && reset != NULL)
    {
      gint64 until = g_ascii_strtoll (reset, NULL, 10);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      return until > now ? (guint) MIN (until - now + 1, G_MAXUINT) : 1;
    }

  /* a secondary limit without headers: GitHub asks for at least a minute */
  return 60;
}

static char *
describe_reset (guint seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);

  return g_date_time_format (then, "%H:%M");
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  LecternGithubClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status, wait;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      if (is_transient (error) && ++request->attempt < MAX_ATTEMPTS &&
          !g_task_return_error_if_cancelled (task))
        {
          g_debug ("%s %s: %s; trying again", request->method, request->url, error->message);
          g_signal_emit (self, signals[WAITING], 0, self->first_backoff_ms / 1000,
                         error->message);
          resend_after (task, self->first_backoff_ms << (request->attempt - 1));
          return;
        }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          g_autofree char *host = host_of (request->url);

          g_task_return_new_error (task, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NETWORK,
                                   _("Could not reach %s (%s)."), host, error->message);
        }
      return;
    }

  status = soup_message_get_status (message);
  g_clear_pointer (&self->accepted_permissions, g_free);
  self->accepted_permissions =
    g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                            "x-accepted-github-permissions"));

  if (g_bytes_get_size (bytes) > 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      answer = json_from_string (text, NULL);  /* an HTML error page is no answer */
    }

  if (status >= 500 && ++request->attempt < MAX_ATTEMPTS)
    {
      g_debug ("%s %s: %u; trying again", request->method, request->url, status);
      resend_after (task, self->first_backoff_ms << (request->attempt - 1));
      return;
    }

  wait = rate_limit_wait (message, answer);
  if (wait > 0)
    {
      g_autofree char *when = describe_reset (wait);

      if (wait > self->max_wait_s || ++request->rate_waits > MAX_RATE_WAITS)
        {
          g_task_return_new_error (task, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_RATE_LIMITED,
                                   _("GitHub’s rate limit for this token is used up until about %s. "
                                     "Publish again then."), when);
          return;
        }

      g_signal_emit (self, signals[WAITING], 0, wait, "rate-limit");
      resend_after (task, wait * 1000);
      return;
    }

  g_object_set_data (G_OBJECT (task), "status", GUINT_TO_POINTER (status));
  g_task_return_pointer (task, g_steal_pointer (&answer), (GDestroyNotify) json_node_unref);
}

static void
send_request (GTask *task)
{
  LecternGithubClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = soup_message_new (request->method, request->url);
  SoupMessageHeaders *headers;

  if (message == NULL)
    {
      g_task_return_new_error (task, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NETWORK,
                               _("“%s” is not a web address of a GitHub API."), self->api_url);
      return;
    }

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Authorization", self->authorization);
  soup_message_headers_replace (headers, "Accept", "application/vnd.github+json");
  soup_message_headers_replace (headers, "X-GitHub-Api-Version", API_VERSION);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", request->body);

  self->n_requests++;
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), sent_cb, g_object_ref (task));
}

void
lectern_github_client_request_async (LecternGithubClient *self,
                                     const char          *method,
                                     const char          *path,
                                     JsonNode            *body,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *owner = NULL, *repo = NULL;
  Request *request;

  g_return_if_fail (LECTERN_IS_GITHUB_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_github_client_request_async);

  owner = g_uri_escape_string (self->owner, NULL, FALSE);
  repo = g_uri_escape_string (self->repo, NULL, FALSE);
  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->url = g_strdup_printf ("%s/repos/%s/%s/%s", self->api_url, owner, repo, path);
  if (body != NULL)
    {
      gsize len;
      char *text = json_to_string (body, FALSE);

      len = strlen (text);
      request->body = g_bytes_new_take (text, len);
    }
  g_task_set_task_data (task, request, request_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  send_request (task);
}

JsonNode *
lectern_github_client_request_finish (LecternGithubClient *self,
                                      GAsyncResult        *result,
                                      guint               *status,
                                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_github_client_request_async, NULL);

  if (status != NULL)
    *status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "status"));

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
lectern_github_client_get_message (JsonNode *answer)
{
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (answer), "message", NULL);
}

GError *
lectern_github_client_explain (LecternGithubClient *self,
                               guint                status,
                               JsonNode            *answer,
                               const char          *doing)
{
  const char *said = lectern_github_client_get_message (answer);
  g_autofree char *quoted = said != NULL ? g_strdup_printf (" (“%s”)", said)
                                         : g_strdup_printf (" (%u)", status);

  switch (status)
    {
    case 401:
      return g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_UNAUTHORIZED,
                          _("GitHub did not accept the token%s while %s. It may be mistyped, "
                            "expired or revoked: make a new one with Contents: write on %s/%s."),
                          quoted, doing, self->owner, self->repo);
    case 403:
      return g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_FORBIDDEN,
                          _("GitHub refused%s while %s: the token needs %s on %s/%s."),
                          quoted, doing,
                          self->accepted_permissions != NULL && strstr (self->accepted_permissions, "pull_requests") != NULL
                          ? _("Pull requests: write and Contents: write")
                          : _("Contents: write"),
                          self->owner, self->repo);
    case 404:
      return g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NOT_FOUND,
                          _("GitHub found nothing%s while %s. Check the repository’s owner and name "
                            "(%s/%s) and the branch, and that the token may see the repository "
                            "(GitHub answers “Not Found” for a private repository the token "
                            "has no access to): it needs Contents: write on %s/%s."),
                          quoted, doing, self->owner, self->repo, self->owner, self->repo);
    case 409:
      return g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_EMPTY_REPO,
                          _("%s/%s has no commit yet%s: push the site’s first commit (the al-folio "
                            "template), then publish."), self->owner, self->repo, quoted);
    default:
      if (status >= 500)
        return g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_SERVER,
                            _("GitHub had a server error%s while %s, %u times in a row. "
                              "Try again later."), quoted, doing, MAX_ATTEMPTS);

      return g_error_new (LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_SERVER,
                          _("GitHub refused%s while %s."), quoted, doing);
    }
}
