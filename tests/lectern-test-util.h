/* lectern-test-util.h: helpers the tests without a display share
 *
 * Temporary folders and files, a peek at a workshop file with a plain
 * SQLite connection, the demo workshop, and waiting on the main loop.
 * Every helper asserts what it needs, so that a test reads as its steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-store.h"

G_BEGIN_DECLS

/* The fixture of a test on a workshop file of its own: a new folder,
 * and the path of the file in it, which the test creates.
 */
typedef struct
{
  char *dir;
  char *path;
} LecternTestWorkshop;

void           lectern_test_workshop_set_up    (LecternTestWorkshop *w,
                                                gconstpointer        data);
void           lectern_test_workshop_tear_down (LecternTestWorkshop *w,
                                                gconstpointer        data);

void           lectern_test_keep_quark_block   (void);
char          *lectern_test_make_tmpdir        (const char          *tmpl);
gboolean       lectern_test_rm_rf              (const char          *path);

char          *lectern_test_read_file          (const char          *dir,
                                                const char          *relative);
void           lectern_test_replace_in_file    (const char          *dir,
                                                const char          *file,
                                                const char          *from,
                                                const char          *to);
void           lectern_test_export             (LecternStore        *store,
                                                const char          *site);
char          *lectern_test_plan_changes       (LecternStore        *store,
                                                const char          *site,
                                                GError             **error);
LecternStore  *lectern_test_demo_in_tmpdir     (const char          *dir_template,
                                                char               **dir);

/* The fixture of an export's test: the demo workshop and a copy of the
 * real 2023 site without its cards, in a new folder */
typedef struct
{
  char         *dir;
  char         *site;
  LecternStore *store;
} LecternTestSite;

void           lectern_test_site_set_up        (LecternTestSite     *f,
                                                gconstpointer        data);
void           lectern_test_site_tear_down     (LecternTestSite     *f,
                                                gconstpointer        data);
LecternStore  *lectern_test_import_site        (const char          *dir,
                                                char               **site);
void           lectern_test_write_file         (const char          *dir,
                                                const char          *relative,
                                                const char          *text);
void           lectern_test_copy_tree          (const char          *from,
                                                const char          *to);

char          *lectern_test_fixture_path       (const char          *name);
char          *lectern_test_copy_site          (const char          *dir);

char          *lectern_test_git                (const char          *cwd,
                                                ...) G_GNUC_NULL_TERMINATED;
char          *lectern_test_make_site_repository (const char        *dir);

gint64         lectern_test_sql_int            (const char          *path,
                                                const char          *sql);
void           lectern_test_sql_exec           (const char          *path,
                                                const char          *sql);

LecternStore  *lectern_test_create_demo        (const char          *path,
                                                const char          *actor);
LecternStore  *lectern_test_create_big         (const char          *path,
                                                int                  n_people,
                                                int                  n_slots,
                                                int                  n_sponsors,
                                                GError             **error);
LecternPerson *lectern_test_add_person         (LecternStore        *store,
                                                const char          *name,
                                                const char          *affiliation);
LecternPerson *lectern_test_find_person        (LecternStore        *store,
                                                const char          *name);

void           lectern_test_keep_result        (GObject             *object,
                                                GAsyncResult        *result,
                                                gpointer             user_data);
gboolean       lectern_test_iterate            (gint64               deadline);

/**
 * lectern_test_wait_until:
 * @condition: an expression, evaluated again after each iteration
 * @ms: how long to wait at most, in milliseconds
 *
 * Spins the default main context until @condition holds or @ms have
 * passed, and is the condition's value then (a gboolean).
 *
 * A macro rather than a function taking a callback, so that the
 * condition can be any expression of the test's own variables; it
 * relies on GNU C's statement expressions, as g_autoptr() relies on
 * GNU C's cleanup attribute.
 */
#define lectern_test_wait_until(condition, ms)                              \
  ({                                                                        \
    gint64 lectern_test_deadline_ = g_get_monotonic_time ()                 \
                                    + (gint64) (ms) * G_TIME_SPAN_MILLISECOND; \
                                                                            \
    while (!(condition) && lectern_test_iterate (lectern_test_deadline_))   \
      ;                                                                     \
    (gboolean) !!(condition);                                               \
  })

G_END_DECLS
