/* lectern-fake-github.h: a local server that plays GitHub's REST API
 *
 * A SoupServer on a loopback port that answers the Git Database
 * endpoints Lectern's publisher uses, backed by a real bare git
 * repository driven with git plumbing (no shell), so that a test checks
 * what was published with real git. Faults can be injected per request,
 * and GitHub's own recorded error responses (tests/fixtures/octokit/)
 * can be replayed.
 *
 * Endpoints, under /repos/OWNER/REPO (the only repository it serves;
 * any other answers 404 as GitHub does):
 *   GET   git/ref/heads/B            rev-parse; 404 when missing
 *   GET   git/commits/SHA            cat-file
 *   GET   git/trees/SHA?recursive=1  SHA may be a tree, a commit or a
 *                                    branch name; `sha` is the tree's
 *   GET   git/blobs/SHA              base64 content
 *   POST  git/blobs                  hash-object -w (utf-8 or base64)
 *   POST  git/trees                  temporary index: read-tree base_tree,
 *                                    update-index --index-info, write-tree
 *   POST  git/commits                commit-tree (author/committer)
 *   PATCH git/refs/heads/B           fast-forward check, then
 *                                    update-ref NEW OLD; 422 "Update is
 *                                    not a fast forward" otherwise
 *   POST  git/refs                   update-ref NAME SHA 000…0; 422
 *                                    "Reference already exists"
 *   POST  pulls                      recorded; {"number", "html_url"}
 *
 * Every request must carry `Authorization: Bearer TOKEN` with the token
 * given (else 401 with GitHub's recorded body), a User-Agent (else 403),
 * and `X-GitHub-Api-Version: 2022-11-28`.
 *
 * The server runs on the thread-default main context of the thread that
 * creates it: a test that uses the publisher's async API on the same
 * context spins that context; a test that runs the CLI as a child
 * process uses the `fake-github` executable instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_FAKE_GITHUB (lectern_fake_github_get_type ())

G_DECLARE_FINAL_TYPE (LecternFakeGithub, lectern_fake_github, LECTERN, FAKE_GITHUB, GObject)

typedef enum
{
  LECTERN_FAKE_FAULT_STATUS,      /* answer with a status and a body (or a fixture) */
  LECTERN_FAKE_FAULT_RESET,       /* close the connection without answering */
  LECTERN_FAKE_FAULT_SLOW,        /* answer only after delay_ms */
  LECTERN_FAKE_FAULT_MOVE_BRANCH, /* before answering normally, commit a file
                                     to the branch behind the client's back */
} LecternFakeFaultKind;

/* Starts a server for OWNER/REPO on 127.0.0.1 (a free port), backed by
 * the bare repository at @git_dir (which must exist).
 */
LecternFakeGithub *lectern_fake_github_new            (const char          *git_dir,
                                                       const char          *owner,
                                                       const char          *repo,
                                                       const char          *token,
                                                       GError             **error);
/* "http://127.0.0.1:PORT" (no trailing slash): the API base URL */
const char        *lectern_fake_github_get_url        (LecternFakeGithub   *self);

/* Requests answered so far, and each one as "METHOD /path" in order */
guint              lectern_fake_github_get_n_requests (LecternFakeGithub   *self);
GPtrArray         *lectern_fake_github_get_requests   (LecternFakeGithub   *self);
void               lectern_fake_github_reset_requests (LecternFakeGithub   *self);

/* A branch whose PATCH is refused as GitHub refuses a protected one
 * (422, with GitHub's words for it).
 */
void               lectern_fake_github_protect_branch (LecternFakeGithub   *self,
                                                       const char          *branch);

/* The next @times requests whose method is @method (NULL: any) and
 * whose path, after /repos/OWNER/REPO/, starts with @path_prefix (NULL:
 * any; e.g. "git/ref/", "git/trees", "git/refs/heads/") meet the fault.
 * For LECTERN_FAKE_FAULT_STATUS: @status, with @body (JSON text; NULL:
 * {"message": reason}) and @headers (NULL, or "Name: value" lines
 * separated by '\n', e.g. "retry-after: 1"). For _SLOW: @delay_ms.
 * Faults are met in the order they were added.
 */
void               lectern_fake_github_add_fault      (LecternFakeGithub   *self,
                                                       LecternFakeFaultKind kind,
                                                       const char          *method,
                                                       const char          *path_prefix,
                                                       guint                times,
                                                       guint                status,
                                                       const char          *body,
                                                       const char          *headers,
                                                       guint                delay_ms);

/* The body of a recorded GitHub response from tests/fixtures/octokit/
 * (e.g. "unauthorized.json"), for a fault's @body; NULL if missing.
 */
char              *lectern_fake_github_fixture        (const char          *name);

/* The pull requests opened so far: "HEAD->BASE: TITLE" each */
GPtrArray         *lectern_fake_github_get_pulls      (LecternFakeGithub   *self);

G_END_DECLS
