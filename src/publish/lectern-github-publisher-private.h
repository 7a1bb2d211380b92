/* lectern-github-publisher-private.h: what the GitHub publisher's files share
 *
 * LecternGithubPublisher is written in two files:
 * lectern-github-publisher.c (the object, the request machinery, reading
 * the branch and planning what changed, the end of a publish) and
 * lectern-github-publisher-write.c (the writing steps: blobs, tree,
 * commit, branch or pull request). Nothing here is for use outside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lectern-github-client.h"
#include "lectern-github-publisher.h"

G_BEGIN_DECLS

struct _LecternGithubPublisher
{
  GObject              parent_instance;

  LecternStore        *store;
  char                *owner;
  char                *repo;
  char                *branch;
  char                *token;
  char                *api_url;
  char                *cache_dir;
  guint                timeout_s;
  guint                first_backoff_ms;
  guint                max_wait_s;
};

typedef struct
{
  char *mode;
  char *type;
  char *sha;
} RemoteEntry;

/* A file of the site tree, as it will be published */
typedef struct
{
  const LecternSiteFile *file;
  GBytes                *current;   /* the page the branch has; a card, when known */
  GBytes                *contents;
  char                  *sha;
  gboolean               changed;
  gboolean               binary;
} Planned;

typedef struct
{
  LecternPublishFlags   flags;
  LecternGithubClient  *client;
  LecternSiteTree      *tree;
  LecternPublishResult *result;
  char                 *head;
  char                 *base_tree;
  char                 *new_tree;
  char                 *commit_sha;
  char                 *commit_url;
  char                 *pr_branch;
  GHashTable           *remote;      /* path -> RemoteEntry */
  GHashTable           *records;     /* the workshop file's record of the site */
  GPtrArray            *planned;     /* Planned */
  GHashTable           *uploaded;    /* blob ids GitHub has from us */
  guint                 next;        /* the step's position in planned */
  guint                 rebuilds;
  gboolean              patch_sent;
  gulong                waiting_id;
} Job;

/* Where a step's answer goes (see _lectern_github_request) */
typedef void (*AnswerFunc) (GTask *task, guint status, JsonNode *answer);

void        _lectern_github_progress      (GTask       *task,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);
void        _lectern_github_fail          (GTask       *task,
                                           GError      *error);
char       *_lectern_github_ref_path      (const char  *prefix,
                                           const char  *branch);
const char *_lectern_github_member_string (JsonNode    *node,
                                           const char  *object_member,
                                           const char  *member);
void        _lectern_github_add_string    (JsonBuilder *builder,
                                           const char  *name,
                                           const char  *value);
gboolean    _lectern_github_is_sha        (const char  *sha);
void        _lectern_github_request       (GTask       *task,
                                           const char  *method,
                                           const char  *path,
                                           JsonNode    *body,
                                           AnswerFunc   func);
gboolean    _lectern_github_refuse        (GTask       *task,
                                           guint        status,
                                           guint        expected,
                                           JsonNode    *answer,
                                           const char  *doing);
const char *_lectern_github_expect_sha    (GTask       *task,
                                           guint        status,
                                           guint        expected,
                                           JsonNode    *answer,
                                           const char  *object_member,
                                           const char  *doing);

/* The steps each file starts in the other */
void        _lectern_github_read_tree     (GTask       *task);
void        _lectern_github_upload_blobs  (GTask       *task);
void        _lectern_github_finish        (GTask       *task);

G_END_DECLS
