/* lectern-test-gui.c: helpers the tests under a display share
 *
 * Kept apart from lectern-test-util so that the tests without a display
 * do not link GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lectern-test-gui.h"

static void
no_display_skip (void)
{
  g_test_skip ("No display: run under xvfb-run (LECTERN_REQUIRE_DISPLAY=1 makes this a failure)");
}

static void
no_display_fail (void)
{
  g_printerr ("\n*** %s: no display, but LECTERN_REQUIRE_DISPLAY=1. "
              "Run under xvfb-run (DISPLAY=%s). ***\n\n",
              g_get_prgname (),
              g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "(unset)");
  g_test_fail_printf ("GTK could not open a display");
}

/* GTK, libadwaita and the test framework, for a test under a display.
 * Returns whether there is a display; without one, the only test is
 * @display_path, skipped, or failed where LECTERN_REQUIRE_DISPLAY=1 (as
 * in CI), and the caller returns g_test_run() at once.
 */
gboolean
lectern_test_gui_init (int          *argc,
                       char       ***argv,
                       const char   *display_path)
{
  gboolean have_display;

  lectern_test_keep_quark_block ();

  /* What gtk_test_init() does, but with gtk_init_check(): gtk_init()
   * aborts the test when there is no display, and gtk_test_init() after
   * gtk_init_check() warns (fatally) that the locale is already set.
   */
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  /* GTK's test accessibility backend: the accessible names and roles are
   * checked all the same, without the AT-SPI bus, whose D-Bus worker
   * thread may still hold a read buffer when the test exits (a leak
   * LeakSanitizer reports, but not ours).
   */
  g_setenv ("GTK_A11Y", "test", FALSE);

  have_display = gtk_init_check ();
  g_test_init (argc, argv, NULL);

  if (!have_display)
    {
      if (g_strcmp0 (g_getenv ("LECTERN_REQUIRE_DISPLAY"), "1") == 0)
        g_test_add_func (display_path, no_display_fail);
      else
        g_test_add_func (display_path, no_display_skip);

      return FALSE;
    }

  adw_init ();
  return TRUE;
}

/* A registered application, as the windows need one, but not the
 * unique one: a test must not reach a running Lectern.
 */
LecternApplication *
lectern_test_gui_new_app (void)
{
  g_autoptr(GError) error = NULL;
  LecternApplication *app = lectern_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* The first row under @root that is a @type (an AdwPreferencesRow, or a
 * kind of one) and whose title contains @fragment; NULL if none.
 */
GtkWidget *
lectern_test_find_row (GtkWidget  *root,
                       GType       type,
                       const char *fragment)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          ADW_IS_PREFERENCES_ROW (child) &&
          strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), fragment))
        return child;

      if ((found = lectern_test_find_row (child, type, fragment)))
        return found;
    }

  return NULL;
}

/* The first button under @root whose label is @label ("_Publish") */
GtkWidget *
lectern_test_find_button (GtkWidget  *root,
                          const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = lectern_test_find_button (child, label)))
        return found;
    }

  return NULL;
}

/* The screen as NAME.png in $LECTERN_SCREENSHOT_DIR, when it is set (to
 * look at what a test shows); what the test changed is drawn first.
 */
void
lectern_test_screenshot (const char *name)
{
  const char *dir = g_getenv ("LECTERN_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (dir == NULL)
    return;

  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (300 * 1000);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}
