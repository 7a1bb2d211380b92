/* lectern-fake-github-private.h: what the fake GitHub's files share
 *
 * lectern-fake-github.c: the object, its server, the checks every
 * request meets (User-Agent, token, API version) and its dispatch, the
 * faults, the request log, the fixtures, and the replies the endpoints
 * build on; lectern-fake-github-git.c: the git plumbing it runs (as a
 * child process, never a shell) and the temporary index trees are built
 * in, and the push a _MOVE_BRANCH fault makes;
 * lectern-fake-github-endpoints.c: the endpoints (the repository, refs,
 * commits, trees, blobs, pulls).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lectern-fake-github.h"

G_BEGIN_DECLS

#define ZERO_SHA "0000000000000000000000000000000000000000"
#define DOC_REST "https://docs.github.com/rest"

/* A private index file, for building a tree */
typedef struct
{
  char *dir;
  char **envp;
} TempIndex;

struct _LecternFakeGithub
{
  GObject parent_instance;

  SoupServer *server;
  GMainContext *context;
  char *git_dir;
  char **envp;
  char *owner;
  char *repo;
  char *token;
  char *url;
  char *repo_path;               /* "/repos/OWNER/REPO" */

  guint n_requests;
  GPtrArray *requests;           /* "METHOD /path" */
  GPtrArray *faults;             /* Fault */
  GHashTable *protected_branches;
  GPtrArray *pulls;              /* "HEAD->BASE: TITLE" */
  GList *slow_replies;           /* SlowReply */
  guint n_moves;
  gint64 rate_reset;
};

/* lectern-fake-github.c: replies */
char       *_lectern_fake_github_api_url (LecternFakeGithub *self,
                                          const char        *format,
                                          ...) G_GNUC_PRINTF (2, 3);
void        _lectern_fake_github_reply_json (SoupServerMessage *msg,
                                             guint              status,
                                             JsonBuilder       *builder);
void        _lectern_fake_github_reply_error (SoupServerMessage *msg,
                                              guint              status,
                                              const char        *message,
                                              const char        *documentation_url);
void        _lectern_fake_github_reply_validation_failed (SoupServerMessage *msg,
                                                          const char        *resource,
                                                          const char        *field,
                                                          const char        *code,
                                                          const char        *message,
                                                          const char        *documentation_url);
void        _lectern_fake_github_reply_internal_error (SoupServerMessage *msg,
                                                       GError            *error);
JsonNode   *_lectern_fake_github_request_object (SoupServerMessage *msg);
const char *_lectern_fake_github_member_string (JsonObject *object,
                                                const char *name);
void        _lectern_fake_github_add_string_member (JsonBuilder *builder,
                                                    const char  *name,
                                                    const char  *value);

/* lectern-fake-github-git.c */
gboolean    _lectern_fake_github_is_sha (const char *text);
char       *_lectern_fake_github_bytes_text (GBytes *bytes);
gboolean    _lectern_fake_github_is_plain_name (const char *name);
char      **_lectern_fake_github_git_environ (const char *git_dir);
GBytes     *_lectern_fake_github_git_run (LecternFakeGithub  *self,
                                          char              **envp,
                                          const char * const *argv,
                                          GBytes             *input,
                                          int                *exit_status,
                                          GError            **error);
char       *_lectern_fake_github_git_line (LecternFakeGithub  *self,
                                           char              **envp,
                                           const char * const *argv,
                                           GBytes             *input,
                                           GError            **error);
char       *_lectern_fake_github_git_resolve (LecternFakeGithub *self,
                                              const char        *name,
                                              const char        *type);
gboolean    _lectern_fake_github_git_is_type (LecternFakeGithub *self,
                                              const char        *sha,
                                              const char        *type);
char       *_lectern_fake_github_git_hash_object (LecternFakeGithub  *self,
                                                  GBytes             *content,
                                                  GError            **error);
gboolean    _lectern_fake_github_git_is_empty (LecternFakeGithub *self);
void        _lectern_fake_github_temp_index_free (TempIndex *index);
TempIndex  *_lectern_fake_github_temp_index_new (LecternFakeGithub  *self,
                                                 const char         *tree,
                                                 GError            **error);
GHashTable *_lectern_fake_github_temp_index_paths (LecternFakeGithub  *self,
                                                   TempIndex          *index,
                                                   GError            **error);
char       *_lectern_fake_github_temp_index_write (LecternFakeGithub  *self,
                                                   TempIndex          *index,
                                                   GString            *records,
                                                   GError            **error);
gboolean    _lectern_fake_github_remove_path (GHashTable *paths,
                                              GString    *records,
                                              const char *path);
void        _lectern_fake_github_add_path (GHashTable *paths,
                                           GString    *records,
                                           const char *mode,
                                           const char *sha,
                                           const char *path);
gboolean    _lectern_fake_github_move_branch (LecternFakeGithub  *self,
                                              const char         *branch,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempIndex, _lectern_fake_github_temp_index_free)

/* lectern-fake-github-endpoints.c */
void        _lectern_fake_github_get_ref (LecternFakeGithub *self,
                                          SoupServerMessage *msg,
                                          const char        *branch);
void        _lectern_fake_github_get_commit (LecternFakeGithub *self,
                                             SoupServerMessage *msg,
                                             const char        *sha);
void        _lectern_fake_github_get_tree (LecternFakeGithub *self,
                                           SoupServerMessage *msg,
                                           const char        *name,
                                           gboolean           recursive);
void        _lectern_fake_github_get_blob (LecternFakeGithub *self,
                                           SoupServerMessage *msg,
                                           const char        *sha);
void        _lectern_fake_github_get_repository (LecternFakeGithub *self,
                                                 SoupServerMessage *msg);
void        _lectern_fake_github_create_blob (LecternFakeGithub *self,
                                              SoupServerMessage *msg);
void        _lectern_fake_github_create_tree (LecternFakeGithub *self,
                                              SoupServerMessage *msg);
void        _lectern_fake_github_create_commit (LecternFakeGithub *self,
                                                SoupServerMessage *msg);
void        _lectern_fake_github_update_ref (LecternFakeGithub *self,
                                             SoupServerMessage *msg,
                                             const char        *branch);
void        _lectern_fake_github_create_ref (LecternFakeGithub *self,
                                             SoupServerMessage *msg);
void        _lectern_fake_github_create_pull (LecternFakeGithub *self,
                                              SoupServerMessage *msg);

G_END_DECLS
