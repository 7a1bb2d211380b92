/* test-print-window.c: Print… (Ctrl+P) under Xvfb
 *
 * The window's print operation draws the same program as `lectern
 * print`: exported to a PDF (GtkPrintOperation's export, no printer and
 * no dialog), it lists the day's talks with their times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-test-window.h"
#include "lectern-window-print.h"

static LecternApplication *app;

static void
test_print_to_pdf (LecternTestWorkshop *w,
                   gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (w->dir, "program.pdf", NULL);
  g_autofree char *text = NULL;
  LecternWindow *window = lectern_test_open_window (app, w->path);
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  int status;

  g_assert_true (lectern_window_print (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Efficient Systems for Foundation Models"));
  g_assert_nonnull (strstr (text, "9:00am–9:25am Using Megatron to Train Large Language Models"));
  g_assert_nonnull (strstr (text, "6:00pm–8:00pm Post-workshop happy hour"));

  lectern_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  if (!lectern_test_gui_init (&argc, &argv, "/print-window/display"))
    return g_test_run ();

  app = lectern_test_gui_new_app ();
  g_test_add ("/print-window/to-pdf", LecternTestWorkshop, NULL, lectern_test_demo_set_up, test_print_to_pdf,
              lectern_test_workshop_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
