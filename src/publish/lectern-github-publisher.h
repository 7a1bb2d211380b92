/* lectern-github-publisher.h: publish straight to a GitHub repository
 *
 * One commit through the Git Database API, with only the files that
 * changed, the branch moved last and never forced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-publish-result.h"
#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_GITHUB_PUBLISHER (lectern_github_publisher_get_type ())

G_DECLARE_FINAL_TYPE (LecternGithubPublisher, lectern_github_publisher, LECTERN, GITHUB_PUBLISHER, GObject)

/* Signals:
 *   progress (const char *step): a sentence for each step
 */
LecternGithubPublisher *lectern_github_publisher_new            (LecternStore           *store,
                                                                 const char             *owner,
                                                                 const char             *repo,
                                                                 const char             *branch,
                                                                 const char             *token);
/* NULL: https://api.github.com; GitHub Enterprise: https://HOST/api/v3 */
void                    lectern_github_publisher_set_api_url    (LecternGithubPublisher *self,
                                                                 const char             *api_url);
void                    lectern_github_publisher_set_timeout    (LecternGithubPublisher *self,
                                                                 guint                   seconds);
void                    lectern_github_publisher_set_backoff    (LecternGithubPublisher *self,
                                                                 guint                   first_ms,
                                                                 guint                   max_wait_s);
/* Where the pages it has seen are kept (NULL: none kept) */
void                    lectern_github_publisher_set_cache_dir  (LecternGithubPublisher *self,
                                                                 const char             *cache_dir);
char                   *lectern_github_publisher_default_cache_dir (void);

void                    lectern_github_publisher_publish_async  (LecternGithubPublisher *self,
                                                                 LecternPublishFlags     flags,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
LecternPublishResult   *lectern_github_publisher_publish_finish (LecternGithubPublisher *self,
                                                                 GAsyncResult           *result,
                                                                 GError                **error);

/* "OWNER/REPO" into its parts; FALSE (and an error) if it is not one */
gboolean                lectern_github_parse_repository         (const char             *text,
                                                                 char                  **owner,
                                                                 char                  **repo,
                                                                 GError                **error);

G_END_DECLS
