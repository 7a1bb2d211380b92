/* lectern-export-result.h: what an export found, and what it did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-site-tree.h"

G_BEGIN_DECLS

#define LECTERN_EXPORT_ERROR (lectern_export_error_quark ())

typedef enum
{
  LECTERN_EXPORT_ERROR_NO_SITE,        /* the folder is not a site checkout */
  LECTERN_EXPORT_ERROR_NO_PLACE,       /* the page has no place for the schedule */
  LECTERN_EXPORT_ERROR_BROKEN_PAGE,    /* half a marker pair, … */
  LECTERN_EXPORT_ERROR_UNSAFE,         /* a path that would leave its folder */
  LECTERN_EXPORT_ERROR_NEWER_FILE,     /* the workshop file is from a newer Lectern */
  LECTERN_EXPORT_ERROR_BLOCKED,        /* a schedule check set to block fails */
} LecternExportError;

GQuark lectern_export_error_quark (void);

typedef enum
{
  LECTERN_EXPORT_UNCHANGED,
  LECTERN_EXPORT_NEW,
  LECTERN_EXPORT_CHANGED,
} LecternExportChange;

/* One file Lectern owns in the site, relative to the site's root, with
 * the bytes it should have (a page: with the site's own text around
 * Lectern's block).
 */
typedef struct
{
  char                *path;
  GBytes              *contents;
  LecternExportChange  change;
  LecternSiteFileKind  kind;
  char                *reason;     /* what changes, in words (lectern_site_explain), or NULL */
} LecternExportFile;

#define LECTERN_TYPE_EXPORT_RESULT (lectern_export_result_get_type ())

G_DECLARE_FINAL_TYPE (LecternExportResult, lectern_export_result, LECTERN, EXPORT_RESULT, GObject)

LecternExportResult *lectern_export_result_new            (void);
void                 lectern_export_result_add_file       (LecternExportResult *self,
                                                           const char          *path,
                                                           GBytes              *contents,
                                                           LecternSiteFileKind  kind,
                                                           LecternExportChange  change);
void                 lectern_export_result_add_leftover   (LecternExportResult *self,
                                                           const char          *path);
GPtrArray           *lectern_export_result_get_files      (LecternExportResult *self);
GPtrArray           *lectern_export_result_get_leftovers  (LecternExportResult *self);
guint                lectern_export_result_count_changes  (LecternExportResult *self);
void                 lectern_export_result_set_written    (LecternExportResult *self,
                                                           gboolean             written);
gboolean             lectern_export_result_get_written    (LecternExportResult *self);
char                *lectern_export_result_describe       (LecternExportResult *self);
char                *lectern_export_result_summarize      (LecternExportResult *self);
GPtrArray           *lectern_export_result_list_problems  (LecternExportResult *self);
void                 lectern_export_result_set_renumbering (LecternExportResult *self,
                                                            guint                n_cards,
                                                            const char          *why);
const char          *lectern_export_result_get_renumbering (LecternExportResult *self,
                                                            guint               *n_cards);

G_END_DECLS
