/* lectern-github-client.h: requests to GitHub's REST API for one repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define LECTERN_GITHUB_API_URL "https://api.github.com"

#define LECTERN_TYPE_GITHUB_CLIENT (lectern_github_client_get_type ())

G_DECLARE_FINAL_TYPE (LecternGithubClient, lectern_github_client, LECTERN, GITHUB_CLIENT, GObject)

/* Signals:
 *   waiting (guint seconds, const char *reason): before a pause the
 *     server asked for (a rate limit) or a retry's back-off
 */
LecternGithubClient *lectern_github_client_new            (const char          *api_url,
                                                           const char          *owner,
                                                           const char          *repo,
                                                           const char          *token);
const char          *lectern_github_client_get_owner      (LecternGithubClient *self);
const char          *lectern_github_client_get_repo       (LecternGithubClient *self);
void                 lectern_github_client_set_timeout    (LecternGithubClient *self,
                                                           guint                seconds);
/* The first back-off of a retry (it doubles), and the longest pause a
 * rate limit may ask for before the request is given up.
 */
void                 lectern_github_client_set_backoff    (LecternGithubClient *self,
                                                           guint                first_ms,
                                                           guint                max_wait_s);
guint                lectern_github_client_get_n_requests (LecternGithubClient *self);

/* @method: "GET", "POST", "PATCH"; @path: under /repos/OWNER/REPO/
 * (e.g. "git/ref/heads/main"); @body: (nullable) JSON to send.
 * Server errors, dropped connections, timeouts and rate limits are
 * retried (a bounded number of times, waiting as the server says); the
 * answer is then returned whatever its status: 4xx are for the caller
 * to read (lectern_github_client_explain).
 */
void                 lectern_github_client_request_async  (LecternGithubClient *self,
                                                           const char          *method,
                                                           const char          *path,
                                                           JsonNode            *body,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* The answer's JSON (NULL if it had none) and its status */
JsonNode            *lectern_github_client_request_finish (LecternGithubClient *self,
                                                           GAsyncResult        *result,
                                                           guint               *status,
                                                           GError             **error);

/* The "message" of a GitHub error answer, or NULL */
const char          *lectern_github_client_get_message    (JsonNode            *answer);

/* An error in words for an answer that is not a success: @doing says
 * what was being done ("reading the branch “main”").
 */
GError              *lectern_github_client_explain        (LecternGithubClient *self,
                                                           guint                status,
                                                           JsonNode            *answer,
                                                           const char          *doing);

G_END_DECLS
