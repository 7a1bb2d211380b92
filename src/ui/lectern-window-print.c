/* lectern-window-print.c: Print… (Ctrl+P), the printed program
 *
 * The program is read from the store once (lectern-site-print.c), then
 * drawn by GtkPrintOperation, a page per day, on the paper the print
 * dialog chooses (its default is the locale's), with GTK's preview.
 * The drawing is the same as `lectern print`'s PDF: it keeps its own
 * margins, so the operation uses the full page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-site-print.h"
#include "lectern-ui-util.h"
#include "lectern-window-print.h"

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             LecternProgram    *program)
{
  gtk_print_operation_set_n_pages (operation, (int) lectern_program_get_n_pages (program));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           LecternProgram    *program)
{
  lectern_program_draw_page (program, gtk_print_context_get_cairo_context (context), (guint) page,
                             gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/**
 * lectern_window_print:
 * @export_pdf: (nullable): write this PDF instead of showing the print
 *   dialog (the same drawing, without a printer)
 *
 * Returns: whether it printed (or wrote the PDF); %FALSE with @error
 *   set on a failure, and %FALSE without one when the organizer cancelled
 */
gboolean
lectern_window_print (LecternWindow  *window,
                      const char     *export_pdf,
                      GError        **error)
{
  g_autoptr(LecternProgram) program = lectern_program_new (lectern_window_get_store (window), error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  if (program == NULL)
    return FALSE;
  if (lectern_program_get_n_pages (program) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The schedule has no day yet: there is no program to print."));
      return FALSE;
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, _("Workshop program"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), program);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), program);

  if (export_pdf != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_pdf);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (window), error);

  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}
