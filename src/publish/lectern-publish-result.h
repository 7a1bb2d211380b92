/* lectern-publish-result.h: what a publish changed, or would change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-site-tree.h"

G_BEGIN_DECLS

#define LECTERN_PUBLISH_ERROR (lectern_publish_error_quark ())

typedef enum
{
  LECTERN_PUBLISH_ERROR_NO_TOKEN,       /* no token given or found */
  LECTERN_PUBLISH_ERROR_UNAUTHORIZED,   /* 401: the token is wrong or expired */
  LECTERN_PUBLISH_ERROR_FORBIDDEN,      /* 403: the token lacks a permission */
  LECTERN_PUBLISH_ERROR_NOT_FOUND,      /* 404: no such repository or branch (or hidden) */
  LECTERN_PUBLISH_ERROR_RATE_LIMITED,   /* still limited after waiting as told */
  LECTERN_PUBLISH_ERROR_PROTECTED,      /* the branch refuses direct updates */
  LECTERN_PUBLISH_ERROR_MOVED,          /* the branch kept moving; gave up */
  LECTERN_PUBLISH_ERROR_SERVER,         /* 5xx or an answer that makes no sense */
  LECTERN_PUBLISH_ERROR_NETWORK,        /* no connection, reset, timed out */
  LECTERN_PUBLISH_ERROR_EMPTY_REPO,     /* a repository with no commit yet */
  LECTERN_PUBLISH_ERROR_NOT_A_CLONE,    /* the folder is not a git work tree */
  LECTERN_PUBLISH_ERROR_REJECTED,       /* git push refused (not a fast forward) */
  LECTERN_PUBLISH_ERROR_HOOK,           /* a git hook refused the commit */
  LECTERN_PUBLISH_ERROR_GIT,            /* git failed otherwise */
} LecternPublishError;

GQuark lectern_publish_error_quark (void);

typedef enum
{
  LECTERN_PUBLISH_DEFAULT      = 0,
  LECTERN_PUBLISH_DRY_RUN      = 1 << 0, /* find what would change; change nothing */
  LECTERN_PUBLISH_PULL_REQUEST = 1 << 1, /* a new branch and a pull request */
} LecternPublishFlags;

/* One file that the publish adds or changes. @old is what the target
 * has (NULL: a new file, or unknown when @old_known is FALSE).
 */
typedef struct
{
  char                *path;
  GBytes              *old;
  GBytes              *contents;
  LecternSiteFileKind  kind;
  gboolean             is_new;
  gboolean             old_known;
} LecternPublishChange;

#define LECTERN_TYPE_PUBLISH_RESULT (lectern_publish_result_get_type ())

G_DECLARE_FINAL_TYPE (LecternPublishResult, lectern_publish_result, LECTERN, PUBLISH_RESULT, GObject)

LecternPublishResult *lectern_publish_result_new              (void);
void                  lectern_publish_result_add_change       (LecternPublishResult *self,
                                                               const char           *path,
                                                               GBytes               *old,
                                                               gboolean              old_known,
                                                               GBytes               *contents,
                                                               LecternSiteFileKind   kind);
/* LecternPublishChange each, in the order added */
GPtrArray            *lectern_publish_result_get_changes      (LecternPublishResult *self);
gboolean              lectern_publish_result_is_nothing       (LecternPublishResult *self);

void                  lectern_publish_result_set_message      (LecternPublishResult *self,
                                                               const char           *message);
const char           *lectern_publish_result_get_message      (LecternPublishResult *self);
void                  lectern_publish_result_set_commit       (LecternPublishResult *self,
                                                               const char           *sha,
                                                               const char           *url);
const char           *lectern_publish_result_get_commit_sha   (LecternPublishResult *self);
const char           *lectern_publish_result_get_commit_url   (LecternPublishResult *self);
void                  lectern_publish_result_set_pull_request (LecternPublishResult *self,
                                                               const char           *branch,
                                                               const char           *url);
const char           *lectern_publish_result_get_pull_request_url (LecternPublishResult *self);
const char           *lectern_publish_result_get_pull_request_branch (LecternPublishResult *self);
void                  lectern_publish_result_set_n_requests   (LecternPublishResult *self,
                                                               guint                 n_requests);
guint                 lectern_publish_result_get_n_requests   (LecternPublishResult *self);
gboolean              lectern_publish_result_get_published    (LecternPublishResult *self);
void                  lectern_publish_result_set_published    (LecternPublishResult *self,
                                                               gboolean              published);

/* The commit message: what changed, in the organizers' words, e.g.
 * "Schedule: moved 2 talks; Speakers: added Tri Dao" (first line), and
 * the files below it.
 */
char                 *lectern_publish_result_describe_changes (LecternPublishResult *self);

G_END_DECLS
