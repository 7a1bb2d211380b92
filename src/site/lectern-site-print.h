/* lectern-site-print.h: the printed program, a page per day (cairo and
 * Pango; the app prints it through GtkPrintOperation, the CLI to PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lectern-store.h"

G_BEGIN_DECLS

typedef struct _LecternProgram LecternProgram;

LecternProgram *lectern_program_new        (LecternStore    *store,
                                            GError         **error);
void            lectern_program_free       (LecternProgram  *program);
guint           lectern_program_get_n_pages (LecternProgram *program);
void            lectern_program_draw_page  (LecternProgram  *program,
                                            cairo_t         *cr,
                                            guint            page,
                                            double           width,
                                            double           height);
gboolean        lectern_program_write_pdf  (LecternProgram  *program,
                                            const char      *path,
                                            gboolean         letter,
                                            GError         **error);
gboolean        lectern_program_locale_uses_letter (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternProgram, lectern_program_free)

G_END_DECLS
