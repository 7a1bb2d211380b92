/* lectern-application.c: the application, one window per open workshop file
 *
 * Lectern is single-instance: opening a file from the file manager, or
 * starting Lectern again, reaches the running instance, which presents
 * the window already showing that file or opens a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lectern-application.h"
#include "lectern-list-page.h"
#include "lectern-site-import.h"
#include "lectern-start-window.h"
#include "lectern-window.h"
#include "lectern-workshop-loader.h"

#define DEMO_FILE_NAME "demo-es-fomo-2023.lectern"

#define MAX_RECENT 10

struct _LecternApplication
{
  AdwApplication  parent_instance;

  /* Owned References */
  GSettings      *settings;
  GMenu          *recent_menu;
};

G_DEFINE_FINAL_TYPE (LecternApplication, lectern_application, ADW_TYPE_APPLICATION)

/* Helpers */

static LecternWindow *
find_window (LecternApplication *self,
             const char         *path)
{
  g_autofree char *canonical = NULL;

  g_assert (LECTERN_IS_APPLICATION (self));
  g_assert (path != NULL);

  canonical = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      LecternStore *store;

      if (!LECTERN_IS_WINDOW (l->data))
        continue;

      store = lectern_window_get_store (LECTERN_WINDOW (l->data));
      if (g_strcmp0 (lectern_store_get_path (store), canonical) == 0)
        return LECTERN_WINDOW (l->data);
    }

  return NULL;
}

static gboolean
destroy_window_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static LecternWindow *
present_new_window (LecternApplication *self,
                    LecternStore       *store)
{
  LecternWindow *window;

  g_assert (LECTERN_IS_APPLICATION (self));
  g_assert (LECTERN_IS_STORE (store));

  window = lectern_window_new (GTK_APPLICATION (self), store);

  /* For screenshots and tests: the page to open on (event, speakers, …). */
  if (g_getenv ("LECTERN_INITIAL_PAGE") != NULL)
    lectern_window_set_visible_page (window, g_getenv ("LECTERN_INITIAL_PAGE"));

  /* … and the row of its list to show in the detail pane, from 0. */
  if (g_getenv ("LECTERN_INITIAL_ROW") != NULL)
    {
      GtkWidget *page = lectern_window_get_page (window, lectern_window_get_visible_page (window));
      guint64 row = g_ascii_strtoull (g_getenv ("LECTERN_INITIAL_ROW"), NULL, 10);

      if (LECTERN_IS_LIST_PAGE (page))
        gtk_single_selection_set_selected (lectern_list_page_get_selection (LECTERN_LIST_PAGE (page)),
                                           (guint) row);
    }

  gtk_window_present (GTK_WINDOW (window));

  /* a workshop is open: the start window has done its work. It goes
   * once the dialog over it (Create …?) has finished its response. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LECTERN_IS_START_WINDOW (l->data))
      {
        gtk_widget_set_visible (GTK_WIDGET (l->data), FALSE);
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_cb, g_object_ref (l->data), g_object_unref);
      }

  return window;
}

/* The start window (made if there is none), showing the recent files */
static LecternStartWindow *
present_start_window (LecternApplication *self)
{
  LecternStartWindow *start = NULL;
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l && !start; l = l->next)
    if (LECTERN_IS_START_WINDOW (l->data))
      start = l->data;

  if (start == NULL)
    start = lectern_start_window_new (GTK_APPLICATION (self));

  lectern_start_window_set_recent (start, (const char * const *) recent);
  gtk_window_present (GTK_WINDOW (start));

  return start;
}

/* Shows why a file could not be opened. With no window to attach the
 * dialog to, the dialog belongs to the application, which then keeps
 * running until it is closed.
 */
static void
show_open_error (LecternApplication *self,
                 GtkWindow          *parent,
                 const char         *path,
                 const GError       *error)
{
  g_autofree char *basename = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_assert (LECTERN_IS_APPLICATION (self));
  g_assert (!parent || GTK_IS_WINDOW (parent));
  g_assert (path != NULL);
  g_assert (error != NULL);

  basename = g_path_get_basename (path);
  /* Translators: %s is the name of a file */
  heading = g_strdup_printf (_("Cannot Open “%s”"), basename);

  /* with no workshop open, the start window says it, with the ways on */
  if (parent == NULL || LECTERN_IS_START_WINDOW (parent))
    {
      lectern_start_window_set_error (present_start_window (self), heading, error->message);
      return;
    }

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Open Recent": the files opened last on this machine, newest first,
 * kept in GSettings. Files that are gone are left out.
 */
static void
update_recent_menu (LecternApplication *self)
{
  g_auto(GStrv) recent = NULL;

  g_assert (LECTERN_IS_APPLICATION (self));

  g_menu_remove_all (self->recent_menu);
  recent = g_settings_get_strv (self->settings, "recent-files");

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;

      label = g_filename_display_basename (recent[i]);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
remember_recent (LecternApplication *self,
                 const char         *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_assert (LECTERN_IS_APPLICATION (self));

  recent = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  update_recent_menu (self);
}

static void
create_missing_response_cb (AdwMessageDialog   *dialog,
                            const char         *response,
                            LecternApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "create") == 0)
    lectern_application_new_file (self, path, NULL);
}

/* A path with no file yet, as `lectern ws.lectern` names one: as a text
 * editor opens a new document under a name that does not exist, offer
 * to make the workshop there.
 */
static void
offer_to_create (LecternApplication *self,
                 const char         *path)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (parent == NULL)
    parent = GTK_WINDOW (present_start_window (self));

  /* Translators: %s is the name of a file */
  heading = g_strdup_printf (_("Create “%s”?"), name);
  body = g_strdup_printf (_("There is no workshop file “%s” in %s yet. Create a new, empty "
                            "workshop there?"), name, folder);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (create_missing_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The end of every way of opening a file: its window, remembered in
 * Open Recent, or a dialog saying why it could not be opened.
 */
static LecternWindow *
show_store (LecternApplication *self,
            const char         *path,
            LecternStore       *store,
            const GError       *error)
{
  g_assert (LECTERN_IS_APPLICATION (self));
  g_assert (store != NULL || error != NULL);

  if (store == NULL)
    {
      if (g_error_matches (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND) &&
          !g_file_test (path, G_FILE_TEST_EXISTS))
        offer_to_create (self, path);
      else
        show_open_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                         path, error);
      return NULL;
    }

  remember_recent (self, lectern_store_get_path (store));
  return present_new_window (self, store);
}

/* The built-in demo workshop, written to the user's data folder the
 * first time it is needed, so that it can be opened like any other file.
 */
static LecternStore *
open_demo (GError **error)
{
  g_autofree char *path = lectern_application_get_demo_path ();
  g_autofree char *dir = NULL;
  g_autoptr(LecternStore) store = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return lectern_store_open (path, error);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  store = lectern_store_create (path, NULL, error);
  if (store == NULL)
    return NULL;

  if (!lectern_workshop_loader_load_resource (store, LECTERN_DEMO_RESOURCE, error))
    {
      g_clear_object (&store);
      g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&store);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LecternApplication *self = user_data;

  g_assert (LECTERN_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LecternApplication *self = user_data;
  static const char *developers[] = { "The Lectern developers", NULL };
  GtkWindow *parent;
  GtkWidget *about;

  g_assert (LECTERN_IS_APPLICATION (self));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Lectern"),
                        "developer-name", _("The Lectern developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep an academic workshop’s speakers, panels, sponsors and schedule in one shared file, and publish them to its website."),
                        "website", "https://github.com/lectern-app/lectern",
                        "issue-url", "https://github.com/lectern-app/lectern/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (about), GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (about));
}

typedef struct
{
  LecternApplication *self;
  char               *path;
  GtkWidget          *busy_window;  /* weak: shows the busy pointer meanwhile */
} OpenData;

static void
open_data_free (OpenData *data)
{
  if (data->busy_window != NULL)
    gtk_widget_set_cursor (data->busy_window, NULL);
  g_clear_weak_pointer (&data->busy_window);
  g_application_release (G_APPLICATION (data->self));
  g_object_unref (data->self);
  g_free (data->path);
  g_free (data);
}

static void
open_in_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LecternWindow *window;

  store = lectern_store_open_finish (result, &error);

  if (store != NULL && (window = find_window (data->self, data->path)) != NULL)
    gtk_window_present (GTK_WINDOW (window));   /* opened twice meanwhile */
  else
    show_store (data->self, data->path, store, error);

  open_data_free (data);
}

/* Opens a file without blocking the windows already open: a large
 * file, or one being upgraded, or one on a slow share, is read on a
 * worker thread, and its window appears when it is ready.
 */
static void
open_in_background (LecternApplication *self,
                    GFile              *file)
{
  g_autofree char *path = g_file_get_path (file);
  OpenData *data;
  LecternWindow *window;

  g_assert (LECTERN_IS_APPLICATION (self));

  if (path == NULL)
    {
      /* the synchronous path explains remote files */
      lectern_application_open_file (self, file);
      return;
    }

  if ((window = find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->path = g_steal_pointer (&path);
  g_application_hold (G_APPLICATION (self));

  /* the window the organizer opened it from says it is at work */
  g_set_weak_pointer (&data->busy_window,
                      GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
  if (data->busy_window != NULL)
    gtk_widget_set_cursor_from_name (data->busy_window, "progress");

  lectern_store_open_async (data->path, NULL, open_in_background_cb, data);
}

/* A modal chooser of workshop files over @parent; @suggested names a
 * file to create. Its response goes to @response_cb; it unrefs itself.
 */
static void
show_workshop_chooser (LecternApplication   *self,
                       GtkWindow            *parent,
                       const char           *title,
                       GtkFileChooserAction  action,
                       const char           *accept_label,
                       const char           *suggested,
                       LecternStore         *from,
                       GCallback             response_cb)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Workshop Files"));
  gtk_file_filter_add_mime_type (filter, "application/x-lectern");
  gtk_file_filter_add_suffix (filter, "lectern");

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  if (from != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "from-store", g_object_ref (from), g_object_unref);
  g_signal_connect_object (chooser, "response", response_cb, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_response_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  LecternApplication *self)
{
  g_assert (LECTERN_IS_APPLICATION (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        open_in_background (self, file);
    }

  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LecternApplication *self = user_data;

  g_assert (LECTERN_IS_APPLICATION (self));

  show_workshop_chooser (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                         _("Open Workshop"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                         NULL, NULL, G_CALLBACK (open_response_cb));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LecternApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  g_assert (LECTERN_IS_APPLICATION (self));

  open_in_background (self, file);
}

/* New and New Edition: create the chosen file, empty or as the next
 * edition of the workshop the chooser carries as "from-store".
 */
static void
create_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    LecternApplication *self)
{
  LecternStore *from = g_object_get_data (G_OBJECT (chooser), "from-store");

  g_assert (LECTERN_IS_APPLICATION (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        lectern_application_new_file (self, path, from);
    }

  g_object_unref (chooser);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  LecternApplication *self = user_data;

  g_assert (LECTERN_IS_APPLICATION (self));

  show_workshop_chooser (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                         _("New Workshop"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                         _("workshop.lectern"), NULL, G_CALLBACK (create_response_cb));
}

/* "New Edition from This One…": next year's file, with this year's
 * people and sponsors (their cards archived), an empty schedule and the
 * event's details to fill in.
 */
static void
new_edition_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LecternApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *suggested = NULL;
  g_autoptr(LecternEvent) event = NULL;
  LecternStore *store;

  g_assert (LECTERN_IS_APPLICATION (self));

  if (!LECTERN_IS_WINDOW (parent))
    return;

  store = lectern_window_get_store (LECTERN_WINDOW (parent));
  event = lectern_store_get_event (store, NULL);
  if (event != NULL && lectern_event_get_year (event) > 0 &&
      lectern_event_get_short_name (event)[0] != '\0')
    suggested = g_strdup_printf ("%s-%d.lectern", lectern_event_get_short_name (event),
                                 lectern_event_get_year (event) + 1);
  else
    suggested = g_strdup (_("next-edition.lectern"));

  show_workshop_chooser (self, parent, _("New Edition"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                         suggested, store, G_CALLBACK (create_response_cb));
}

static void
import_save_response_cb (GtkNativeDialog    *chooser,
                         int                 response,
                         LecternApplication *self)
{
  const char *site = g_object_get_data (G_OBJECT (chooser), "site-dir");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        lectern_application_import_site (self, site, path);
    }

  g_object_unref (chooser);
}

static void
import_site_response_cb (GtkNativeDialog    *chooser,
                         int                 response,
                         LecternApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *site = folder ? g_file_get_path (folder) : NULL;
      GtkFileChooserNative *save;

      if (site != NULL)
        {
          save = gtk_file_chooser_native_new (_("Save the Imported Workshop"),
                                              gtk_application_get_active_window (GTK_APPLICATION (self)),
                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Import"), _("_Cancel"));
          gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (save), TRUE);
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save), "workshop.lectern");
          g_object_set_data_full (G_OBJECT (save), "site-dir", g_steal_pointer (&site), g_free);
          g_signal_connect_object (save, "response", G_CALLBACK (import_save_response_cb), self, 0);
          gtk_native_dialog_show (GTK_NATIVE_DIALOG (save));
        }
    }

  g_object_unref (chooser);
}

/* "Import from Site…": the site's checkout, then where the new file goes */
static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  LecternApplication *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Site’s Checkout"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_site_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* "Try the Demo": the demo workshop, in a file of its own */
static void
demo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LecternApplication *self = user_data;
  g_autofree char *path = lectern_application_get_demo_path ();
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LecternWindow *window;

  g_assert (LECTERN_IS_APPLICATION (self));

  if ((window = find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  store = open_demo (&error);
  if (store == NULL)
    show_open_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)), path, error);
  else
    present_new_window (self, store);
}

static const GActionEntry app_actions[] = {
  { "demo", demo_action },
  { "import", import_action },
  { "quit", quit_action },
  { "about", about_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "new", new_action },
  { "new-edition", new_edition_action },
};

/* GApplication overrides */

static void
lectern_application_startup (GApplication *application)
{
  LecternApplication *self = LECTERN_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (lectern_application_parent_class)->startup (application);

  g_set_application_name (_("Lectern"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (BASE_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new", new_accels);

  self->recent_menu = g_menu_new ();
  update_recent_menu (self);

  /* GtkApplication loads gtk/help-overlay.ui from the resource base
   * path and gives every window win.show-help-overlay (Ctrl+?).
   */
}

static void
lectern_application_activate (GApplication *application)
{
  LecternApplication *self = LECTERN_APPLICATION (application);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) last_error = NULL;
  g_autofree char *last_file = NULL;
  LecternStartWindow *start;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  last_file = g_settings_get_string (self->settings, "last-file");
  if (last_file[0] != '\0' && g_file_test (last_file, G_FILE_TEST_IS_REGULAR))
    {
      store = lectern_store_open (last_file, &last_error);
      if (store != NULL)
        {
          present_new_window (self, store);
          return;
        }
    }

  /* no workshop yet (never the demo unasked): the ways to start */
  start = present_start_window (self);

  /* the last file is no longer readable: say why */
  if (last_error != NULL)
    {
      g_autofree char *name = g_path_get_basename (last_file);
      /* Translators: %s is the name of a file */
      g_autofree char *heading = g_strdup_printf (_("Cannot Open “%s”"), name);

      lectern_start_window_set_error (start, heading, last_error->message);
    }
}

static void
lectern_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  LecternApplication *self = LECTERN_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    open_in_background (self, files[i]);
}

/* GObject overrides */

static void
lectern_application_dispose (GObject *object)
{
  LecternApplication *self = LECTERN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (lectern_application_parent_class)->dispose (object);
}

static void
lectern_application_class_init (LecternApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lectern_application_dispose;

  app_class->startup = lectern_application_startup;
  app_class->activate = lectern_application_activate;
  app_class->open = lectern_application_open;
}

static void
lectern_application_init (LecternApplication *self)
{
}

/* Public API */

LecternApplication *
lectern_application_new (void)
{
  return g_object_new (LECTERN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * lectern_application_open_file:
 * @self: a #LecternApplication
 * @file: a workshop file
 *
 * Presents the window showing @file, opening one if there is none. When
 * the file cannot be opened (missing, not a Lectern file, …), a dialog
 * says why.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL on failure
 */
LecternWindow *
lectern_application_open_file (LecternApplication *self,
                               GFile              *file)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LecternWindow *window;

  g_return_val_if_fail (LECTERN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Lectern can only open workshop files on this computer or on a mounted share."));
      show_open_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                       uri, error);
      return NULL;
    }

  window = find_window (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  store = lectern_store_open (path, &error);
  return show_store (self, path, store, error);
}

/**
 * lectern_application_new_file:
 * @self: a #LecternApplication
 * @path: where to create the workshop file
 * @from: (nullable): a workshop whose next edition to make, or %NULL
 *   for an empty workshop
 *
 * Creates the file and opens a window on it; a dialog says why when it
 * cannot (the file exists, the folder is read-only, …).
 *
 * Returns: (transfer none) (nullable): the window, or %NULL on failure
 */
LecternWindow *
lectern_application_new_file (LecternApplication *self,
                              const char         *path,
                              LecternStore       *from)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LECTERN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (from == NULL || LECTERN_IS_STORE (from), NULL);

  if (from != NULL)
    store = lectern_store_new_edition (from, path, &error);
  else
    store = lectern_store_create (path, NULL, &error);

  return show_store (self, path, store, error);
}

/**
 * lectern_application_import_site:
 * @self: a #LecternApplication
 * @site_dir: the checkout of an existing site
 * @path: the new workshop file
 *
 * Creates the file from the site's cards and opens a window on it; what
 * could not be imported as it was is said in a toast; a site that cannot
 * be read is said why, and no file is left.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL on failure
 */
LecternWindow *
lectern_application_import_site (LecternApplication *self,
                                 const char         *site_dir,
                                 const char         *path)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  LecternSiteImportCounts counts;
  LecternWindow *window;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (LECTERN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (site_dir != NULL && path != NULL, NULL);

  store = lectern_store_create (path, NULL, &error);
  if (store != NULL && !lectern_site_import (store, site_dir, &counts, &notes, &error))
    {
      g_clear_object (&store);
      g_unlink (path);
    }

  window = show_store (self, path, store, error);
  if (window == NULL)
    return NULL;

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u card from the site",
                                          "Imported %u cards from the site",
                                          counts.cards + counts.sponsors),
                             counts.cards + counts.sponsors);
  if (counts.slots > 0)
    {
      g_autofree char *with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s, and a schedule of %u slot",
                                                            "%s, and a schedule of %u slots",
                                                            counts.slots),
                                               summary, counts.slots);

      g_free (summary);
      summary = g_steal_pointer (&with);
    }
  if (notes != NULL && notes->len > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u note: %s", "%s; %u notes, the first: %s",
                                                            notes->len),
                                               summary, notes->len, (const char *) g_ptr_array_index (notes, 0));

      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  lectern_window_add_toast (window, adw_toast_new (summary));

  return window;
}

/**
 * lectern_application_get_recent_menu:
 *
 * Returns: (transfer none): the "Open Recent" menu, kept up to date
 */
GMenuModel *
lectern_application_get_recent_menu (LecternApplication *self)
{
  g_return_val_if_fail (LECTERN_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

/**
 * lectern_application_get_demo_path:
 *
 * Returns: (transfer full): where the built-in demo workshop is written
 */
char *
lectern_application_get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lectern", DEMO_FILE_NAME, NULL);
}
