/* lectern-window.c: the main window, showing one workshop file
 *
 * One window shows one LecternStore, one page per view: the event, the
 * speakers, panelists and organizers (the cards on the site), everyone
 * (people with or without a card), the sponsors and the schedule. The
 * pages read the file themselves; the window tells them when to read it
 * again: after an edit made in the window (win.reload, queued so that
 * no list is spliced while it is being changed), after Undo and Redo,
 * and when another connection changed the file (LecternStore::changed,
 * polled every second).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-application.h"
#include "lectern-cards-page.h"
#include "lectern-cfp-page.h"
#include "lectern-event-page.h"
#include "lectern-export-dialog.h"
#include "lectern-merge-dialog.h"
#include "lectern-window-print.h"
#include "lectern-exporter.h"
#include "lectern-window-publish.h"
#include "lectern-timeline.h"
#include "lectern-sponsor-editor.h"
#include "lectern-person-editor.h"
#include "lectern-list-page.h"
#include "lectern-schedule-page.h"
#include "lectern-sponsors-page.h"
#include "lectern-ui-util.h"
#include "lectern-window.h"

/* How often another organizer's changes are looked for, in ms. */
#define WATCH_INTERVAL 1000

struct _LecternWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkWidget            *add_button;
  GtkWidget            *search_button;
  GtkRevealer          *read_only_revealer;
  GtkRevealer          *demo_revealer;
  GtkLabel             *read_only_label;
  GMenu                *file_section;
  GMenu                *history_section;
  LecternEventPage     *event_page;
  LecternListPage      *speakers_page;
  LecternListPage      *panelists_page;
  LecternListPage      *organizers_page;
  LecternListPage      *people_page;
  LecternListPage      *sponsors_page;
  LecternSchedulePage  *schedule_page;
  LecternCfpPage       *cfp_page;

  /* Owned References */
  LecternStore         *store;
  GSettings            *settings;
  GSignalGroup         *page_signals;

  /* Borrowed References */
  AdwToast             *change_toast;
  AdwToast             *undo_toast;     /* a toast offering Undo */

  /* Owned */
  char                 *undo_toast_step; /* the step its Undo reverts */
  gint64                undo_toast_time; /* when it was shown */
  guint                 undo_recheck_id; /* a dismissal put off */

  guint                 reload_id;
  guint                 undoing : 1;
  guint                 syncing_search : 1;
};

G_DEFINE_FINAL_TYPE (LecternWindow, lectern_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static LecternListPage *
visible_list_page (LecternWindow *self)
{
  GtkWidget *child;

  /* Disposed: the view stack is gone. */
  if (self->view_stack == NULL)
    return NULL;

  child = adw_view_stack_get_visible_child (self->view_stack);

  return LECTERN_IS_LIST_PAGE (child) ? LECTERN_LIST_PAGE (child) : NULL;
}

static void reload_changes (LecternWindow  *self,
                            LecternChanges *changes);

static void
update_title (LecternWindow *self)
{
  LecternEvent *event = lectern_event_page_get_event (self->event_page);
  const char *title = NULL;

  if (event != NULL)
    title = lectern_event_get_name (event);
  if (lectern_ui_is_empty (title) && event != NULL)
    title = lectern_event_get_short_name (event);
  if (lectern_ui_is_empty (title))
    title = _("Untitled Workshop");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
}

static const char * const cfp_tables[] = { "cfp", "cfp_date", "cfp_topic", NULL };

/* Reads again the pages that show what @changes touches: a slot a
 * colleague moved does not re-read the people. The Event page is always
 * read: its readiness panel covers the whole workshop. */
static gboolean
reload (LecternWindow   *self,
        LecternChanges  *changes,
        GError         **error)
{
  LecternListPage *lists[] = {
    self->speakers_page, self->panelists_page, self->organizers_page,
    self->people_page, self->sponsors_page,
  };

  g_assert (LECTERN_IS_WINDOW (self));

  if (!lectern_event_page_reload (self->event_page, error))
    return FALSE;

  if (lectern_changes_touches (changes, "event"))
    update_title (self);

  if (lectern_changes_touches_any (changes, lectern_changes_directory_tables))
    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        if (!lectern_list_page_reload (lists[i], error))
          return FALSE;
      }

  if (lectern_changes_touches_any (changes, cfp_tables) && !lectern_cfp_page_reload (self->cfp_page, error))
    return FALSE;

  if (!lectern_changes_touches_any (changes, lectern_changes_schedule_tables))
    return TRUE;

  return lectern_schedule_page_reload (self->schedule_page, error);
}

/* Undo and Redo: enabled, and named after the step they would revert. */
static void
update_history (LecternWindow *self)
{
  gboolean read_only = lectern_store_get_read_only (self->store);
  gboolean can_undo = !read_only && lectern_store_can_undo (self->store);
  gboolean can_redo = !read_only && lectern_store_can_redo (self->store);
  g_autofree char *undo_label = can_undo ? lectern_store_get_undo_label (self->store) : NULL;
  g_autofree char *redo_label = can_redo ? lectern_store_get_redo_label (self->store) : NULL;
  g_autofree char *undo_item = NULL;
  g_autofree char *redo_item = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  if (!lectern_ui_is_empty (undo_label))
    /* Translators: a menu item; %s is what the step did, e.g. "Edit “Ce Zhang”" */
    undo_item = g_strdup_printf (_("_Undo %s"), undo_label);
  if (!lectern_ui_is_empty (redo_label))
    /* Translators: a menu item; %s is what the step did, e.g. "Edit “Ce Zhang”" */
    redo_item = g_strdup_printf (_("_Redo %s"), redo_label);

  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, undo_item ? undo_item : _("_Undo"), "win.undo");
  g_menu_append (self->history_section, redo_item ? redo_item : _("_Redo"), "win.redo");
}

/* The header bar's Add and Search follow the visible page. */
static void
update_page_actions (LecternWindow *self)
{
  LecternListPage *page = visible_list_page (self);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  const char *tooltip = _("Add");

  if (g_strcmp0 (name, "speakers") == 0)
    tooltip = _("Add Speaker");
  else if (g_strcmp0 (name, "panelists") == 0)
    tooltip = _("Add Panelist");
  else if (g_strcmp0 (name, "organizers") == 0)
    tooltip = _("Add Organizer");
  else if (g_strcmp0 (name, "people") == 0)
    tooltip = _("Add Person");
  else if (g_strcmp0 (name, "sponsors") == 0)
    tooltip = _("Add Sponsor");

  gtk_widget_set_tooltip_text (self->add_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add",
                                 page != NULL && !lectern_list_page_get_read_only (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", page != NULL);

  /* The event and schedule pages have no list to add to or search. */
  gtk_widget_set_visible (self->add_button, page != NULL);
  gtk_widget_set_visible (self->search_button, page != NULL);
}

/* Signal callbacks */

static void
store_changed_cb (LecternWindow  *self,
                  LecternChanges *changes,
                  LecternStore   *store)
{
  g_assert (LECTERN_IS_WINDOW (self));

  reload_changes (self, changes);

  /* Undo and Redo change the file too, but the organizer knows. */
  if (self->undoing)
    return;

  if (self->change_toast == NULL)
    {
      self->change_toast = adw_toast_new (_("Updated with changes made elsewhere"));
      g_object_add_weak_pointer (G_OBJECT (self->change_toast), (gpointer *) &self->change_toast);
      adw_toast_overlay_add_toast (self->toast_overlay, self->change_toast);
    }
}

#define TOAST_SETTLE_US (600 * G_TIME_SPAN_MILLISECOND)

static gboolean recheck_undo_toast_cb (gpointer user_data);

/* A toast's Undo reverts the step it was shown for, never another: when
 * the step to undo is another one, the toast goes. Not within its first
 * 600 ms, though: libadwaita 1.2's overlay frees a toast dismissed while
 * it is still sliding in over another one, then uses it (a crash). The
 * dismissal is put off until then; an edit of this window that comes
 * meanwhile takes the toast over instead (lectern_window_add_toast()).
 */
static void
recheck_undo_toast (LecternWindow *self)
{
  g_autofree char *step = NULL;
  gint64 age;

  if (self->undo_toast == NULL)
    return;

  step = lectern_store_get_undo_label (self->store);
  if (g_strcmp0 (step, self->undo_toast_step) == 0)
    return;

  age = g_get_monotonic_time () - self->undo_toast_time;
  if (age < TOAST_SETTLE_US)
    {
      if (self->undo_recheck_id == 0)
        self->undo_recheck_id = g_timeout_add ((TOAST_SETTLE_US - age) / 1000 + 1, recheck_undo_toast_cb, self);
      return;
    }

  adw_toast_dismiss (self->undo_toast);
  g_clear_weak_pointer (&self->undo_toast);
}

static gboolean
recheck_undo_toast_cb (gpointer user_data)
{
  LecternWindow *self = user_data;

  self->undo_recheck_id = 0;
  recheck_undo_toast (self);
  return G_SOURCE_REMOVE;
}

static void
history_changed_cb (LecternWindow *self)
{
  update_history (self);

  recheck_undo_toast (self);
}

#define N_LIST_PAGES 5

/* The pages with a list, in the order of the view switcher. */
static void
list_pages (LecternWindow   *self,
            LecternListPage *pages[N_LIST_PAGES])
{
  pages[0] = self->speakers_page;
  pages[1] = self->panelists_page;
  pages[2] = self->organizers_page;
  pages[3] = self->people_page;
  pages[4] = self->sponsors_page;
}

/* While searching, the view switcher shows how many rows of each list
 * match: one search across people and sponsors.
 */
static void
update_search_badges (LecternWindow *self)
{
  LecternListPage *visible = visible_list_page (self);
  const char *query = visible ? lectern_list_page_get_query (visible) : NULL;
  gboolean searching = visible != NULL && lectern_list_page_get_search_mode (visible) &&
                       !lectern_ui_is_empty (query);
  LecternListPage *pages[N_LIST_PAGES];

  list_pages (self, pages);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack, GTK_WIDGET (pages[i]));

      adw_view_stack_page_set_badge_number (page, searching ? lectern_list_page_get_n_matches (pages[i]) : 0);
    }
}

static void
visible_page_changed_cb (LecternWindow *self)
{
  g_signal_group_set_target (self->page_signals, visible_list_page (self));
  update_page_actions (self);
  update_search_badges (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/* The lists are searched together: what is typed in one list's search
 * bar, or its closing, goes to the others too.
 */
static void
sync_search (LecternWindow *self)
{
  LecternListPage *visible = visible_list_page (self);
  LecternListPage *pages[N_LIST_PAGES];
  gboolean searching;
  const char *query;
  GtkWidget *focus;

  if (visible == NULL || self->syncing_search)
    return;

  searching = lectern_list_page_get_search_mode (visible);
  query = lectern_list_page_get_query (visible);
  /* a search bar that opens takes the keyboard, even on a hidden page */
  focus = gtk_root_get_focus (GTK_ROOT (self));

  list_pages (self, pages);
  self->syncing_search = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (pages[i] == visible)
        continue;

      if (searching)
        lectern_list_page_set_search_text (pages[i], query);
      else
        lectern_list_page_set_search_mode (pages[i], FALSE);
    }
  self->syncing_search = FALSE;

  if (focus != NULL && gtk_root_get_focus (GTK_ROOT (self)) != focus)
    {
      /* back where the organizer is typing, the text as it was */
      if (GTK_IS_TEXT (focus))
        gtk_text_grab_focus_without_selecting (GTK_TEXT (focus));
      else
        gtk_widget_grab_focus (focus);
    }

  update_search_badges (self);
}

static void
page_search_mode_changed_cb (LecternWindow *self)
{
  sync_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
page_query_changed_cb (LecternWindow *self)
{
  sync_search (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  LecternWindow *self = user_data;

  self->reload_id = 0;
  lectern_window_reload (self);

  return G_SOURCE_REMOVE;
}

/* Actions */

/* Alt+1 … Alt+7: shows a page and puts the keyboard in it. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  LecternListPage *page;

  lectern_window_set_visible_page (self, g_variant_get_string (parameter, NULL));

  page = visible_list_page (self);
  if (page != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (lectern_list_page_get_list_view (page)));
  else
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  /* Before any input that could act on the rows as they were. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH, reload_cb, self, NULL);
}

static void
run_history (LecternWindow *self,
             gboolean       redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  LecternListPage *page = visible_list_page (self);
  gboolean list_focused = page != NULL && lectern_list_page_has_list_focus (page);
  gboolean ok;

  label = redo ? lectern_store_get_redo_label (self->store) : lectern_store_get_undo_label (self->store);

  g_clear_handle_id (&self->reload_id, g_source_remove);

  self->undoing = TRUE;
  ok = redo ? lectern_store_redo (self->store, &error) : lectern_store_undo (self->store, &error);
  self->undoing = FALSE;

  if (!ok)
    {
      g_autofree char *heading = NULL;

      if (label != NULL)
        /* Translators: %s is what the step did, e.g. "Edit “Ce Zhang”" */
        heading = g_strdup_printf (redo ? _("Cannot Redo %s") : _("Cannot Undo %s"), label);

      lectern_ui_show_error (GTK_WIDGET (self),
                             heading ? heading : (redo ? _("Cannot Redo") : _("Cannot Undo")),
                             error);
    }

  /* ::changed has re-read the pages; a refusal changed nothing. */
  if (ok && visible_list_page (self) != NULL)
    lectern_list_page_show_stepped (visible_list_page (self), list_focused);
  update_history (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_history (LECTERN_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_history (LECTERN_WINDOW (widget), TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LecternListPage *page = visible_list_page (LECTERN_WINDOW (widget));

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), "page.add", NULL);
}

static void
exported_cb (LecternWindow *self,
             const char    *summary)
{
  g_assert (LECTERN_IS_WINDOW (self));

  lectern_window_add_toast (self, adw_toast_new (summary));
}

/* "Export to Site…": the dialog, with its preview of what will change. */
static void
export_preview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  LecternExportDialog *dialog;

  dialog = lectern_export_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quick_export_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LecternWindow) self = user_data;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  AdwToast *toast;

  plan = lectern_exporter_export_finish (LECTERN_EXPORTER (object), result, &error);
  if (plan == NULL)
    {
      /* the site moved on (a page without its place, …): show why */
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.export-preview");
    }
  else
    {
      summary = lectern_export_result_summarize (plan);
      toast = adw_toast_new (summary);
    }

  lectern_window_add_toast (self, toast);
}

/* Ctrl+E, "Export": the first time the dialog, with its preview; once
 * this machine knows the site's folder, one step and a toast.
 */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  g_autofree char *site = lectern_export_get_remembered_site (lectern_store_get_path (self->store));
  g_autoptr(LecternExporter) exporter = NULL;

  if (site == NULL || !g_file_test (site, G_FILE_TEST_IS_DIR))
    {
      export_preview_action (widget, "win.export-preview", NULL);
      return;
    }

  /* what is being typed is saved first */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  exporter = lectern_exporter_new (self->store, site);
  lectern_exporter_export_async (exporter, NULL, quick_export_cb, g_object_ref (self));
}

/* "win.fix" ((kind, id, field)): from a Before You Publish warning to
 * where it is fixed: the person's or sponsor's editor at the field, or
 * the slot on the timeline.
 */
static void
fix_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  const char *kind, *field;
  gint64 id;

  g_variant_get (parameter, "(&sx&s)", &kind, &id, &field);

  if (g_strcmp0 (kind, "person") == 0 || g_strcmp0 (kind, "sponsor") == 0)
    {
      gboolean person = g_strcmp0 (kind, "person") == 0;
      LecternListPage *page = person ? self->people_page : self->sponsors_page;
      GtkWidget *editor;

      lectern_window_set_visible_page (self, person ? "people" : "sponsors");
      if (!lectern_list_page_select_id (page, id, *field == '\0'))
        return;

      editor = lectern_list_page_get_editor (page);
      if (*field == '\0')
        return;
      if (LECTERN_IS_PERSON_EDITOR (editor))
        lectern_person_editor_focus_field (LECTERN_PERSON_EDITOR (editor), field);
      else if (LECTERN_IS_SPONSOR_EDITOR (editor))
        lectern_sponsor_editor_focus_field (LECTERN_SPONSOR_EDITOR (editor), field);
    }
  else if (g_strcmp0 (kind, "slot") == 0)
    {
      GtkWidget *card;

      lectern_window_set_visible_page (self, "schedule");
      card = lectern_timeline_find_card (lectern_schedule_page_get_timeline (self->schedule_page), id);
      if (card != NULL)
        gtk_widget_grab_focus (card);
    }
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lectern_window_publish (LECTERN_WINDOW (widget));
}

static void
publish_dialog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  lectern_window_publish_dialog (LECTERN_WINDOW (widget));
}

/* Print… (Ctrl+P): the printed program, a page per day */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!lectern_window_print (LECTERN_WINDOW (widget), NULL, &error) && error != NULL)
    lectern_ui_show_error (widget, _("The Program Was Not Printed"), error);
}

/* "Take Changes from Site…": the site last exported to, offered first */
static void
take_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LecternStore *store = lectern_window_get_store (LECTERN_WINDOW (widget));
  g_autofree char *site = lectern_export_get_remembered_site (lectern_store_get_path (store));

  lectern_merge_dialog_choose (GTK_WINDOW (widget), store, site);
}

/**
 * lectern_window_is_demo:
 *
 * Whether the window shows the built-in demo workshop (the file "Try the
 * Demo" opens), which it says in a bar under the header.
 */
gboolean
lectern_window_is_demo (LecternWindow *self)
{
  g_autofree char *demo = lectern_application_get_demo_path ();

  g_return_val_if_fail (LECTERN_IS_WINDOW (self), FALSE);

  return self->store != NULL && g_strcmp0 (lectern_store_get_path (self->store), demo) == 0;
}

/* GtkWindow overrides */

static gboolean
lectern_window_close_request (GtkWindow *window)
{
  /* The row being typed in saves what it shows when it loses the
   * keyboard, as when the organizer moves on: nothing typed is lost.
   */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (lectern_window_parent_class)->close_request (window);
}

/* GObject overrides */

static void
lectern_window_constructed (GObject *object)
{
  LecternWindow *self = LECTERN_WINDOW (object);
  g_autofree char *basename = NULL;
  g_autofree char *actor = NULL;
  const char *path;

  G_OBJECT_CLASS (lectern_window_parent_class)->constructed (object);

  g_assert (LECTERN_IS_STORE (self->store));

  path = lectern_store_get_path (self->store);

  /* Each window starts at the last size, but windows do not follow
   * each other's resizing.
   */
  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_set_string (self->settings, "last-file", path);

  /* Whose steps Undo reverts: this organizer's, on this computer. */
  actor = g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
  lectern_store_set_actor (self->store, actor);

  basename = g_path_get_basename (path);
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);

  if (lectern_store_get_read_only (self->store))
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why, e.g. "you do not have permission to change the file." */
      text = g_strdup_printf (_("This workshop is read-only: %s"),
                              lectern_store_get_read_only_reason (self->store));
      gtk_label_set_text (self->read_only_label, text);
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  /* the demo says so, and how to start one's own */
  gtk_revealer_set_reveal_child (self->demo_revealer, lectern_window_is_demo (self));

  lectern_event_page_set_store (self->event_page, self->store);
  lectern_list_page_set_store (self->speakers_page, self->store);
  lectern_list_page_set_store (self->panelists_page, self->store);
  lectern_list_page_set_store (self->organizers_page, self->store);
  lectern_list_page_set_store (self->people_page, self->store);
  lectern_list_page_set_store (self->sponsors_page, self->store);
  lectern_schedule_page_set_store (self->schedule_page, self->store);
  lectern_cfp_page_set_store (self->cfp_page, self->store);

  /* The application keeps the recent files; each window's menu shows them. */
  if (LECTERN_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    {
      LecternApplication *app = LECTERN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      g_menu_insert_submenu (self->file_section, 2, _("Open _Recent"),
                             lectern_application_get_recent_menu (app));
    }

  lectern_window_reload (self);
  update_history (self);
  update_page_actions (self);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "history-changed",
                           G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  lectern_store_watch (self->store, WATCH_INTERVAL);
}

static void
lectern_window_dispose (GObject *object)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  if (self->store != NULL)
    lectern_store_watch (self->store, 0);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_weak_pointer (&self->change_toast);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_handle_id (&self->undo_recheck_id, g_source_remove);
  g_clear_pointer (&self->undo_toast_step, g_free);

  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_WINDOW);

  g_clear_object (&self->page_signals);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_window_parent_class)->dispose (object);
}

static void
lectern_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, visible_list_page (self) != NULL &&
                                  lectern_list_page_get_search_mode (visible_list_page (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH_MODE:
      if (visible_list_page (self) != NULL)
        lectern_list_page_set_search_mode (visible_list_page (self), g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_window_class_init (LecternWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const struct {
    guint       key;
    const char *page;
  } page_keys[] = {
    { GDK_KEY_1, "event" },
    { GDK_KEY_2, "speakers" },
    { GDK_KEY_3, "panelists" },
    { GDK_KEY_4, "organizers" },
    { GDK_KEY_5, "people" },
    { GDK_KEY_6, "sponsors" },
    { GDK_KEY_7, "schedule" },
    { GDK_KEY_8, "call" },
  };

  object_class->constructed = lectern_window_constructed;
  object_class->dispose = lectern_window_dispose;
  object_class->get_property = lectern_window_get_property;
  object_class->set_property = lectern_window_set_property;

  window_class->close_request = lectern_window_close_request;

  /**
   * LecternWindow:store:
   *
   * The workshop file the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LECTERN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LecternWindow:search-mode:
   *
   * Whether the visible list shows its search bar (win.search, Ctrl+F).
   */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LECTERN_TYPE_EVENT_PAGE);
  g_type_ensure (LECTERN_TYPE_CARDS_PAGE);
  g_type_ensure (LECTERN_TYPE_SPONSORS_PAGE);
  g_type_ensure (LECTERN_TYPE_SCHEDULE_PAGE);
  g_type_ensure (LECTERN_TYPE_CFP_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-window.ui");

  gtk_widget_class_bind_template_child (widget_class, LecternWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, event_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, speakers_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, panelists_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, organizers_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, sponsors_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, schedule_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, cfp_page);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-preview", NULL, export_preview_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.fix", "(sxs)", fix_action);
  gtk_widget_class_install_action (widget_class, "win.publish-dialog", NULL, publish_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.take-changes", NULL, take_changes_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");

  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, page_keys[i].key, GDK_ALT_MASK,
                                         "win.show-page", "s", page_keys[i].page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
}

static void
lectern_window_init (LecternWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_ui_name_controls (GTK_WIDGET (self));

  self->page_signals = g_signal_group_new (LECTERN_TYPE_LIST_PAGE);
  g_signal_group_connect_object (self->page_signals, "notify::search-mode",
                                 G_CALLBACK (page_search_mode_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->page_signals, "notify::query",
                                 G_CALLBACK (page_query_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self,
                           G_CONNECT_SWAPPED);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* Public API */

/**
 * lectern_window_new:
 * @application: (nullable): the application
 * @store: the workshop file to show
 *
 * Returns: (transfer none): a new window, owned by GTK until it is closed
 */
LecternWindow *
lectern_window_new (GtkApplication *application,
                    LecternStore   *store)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  return g_object_new (LECTERN_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

LecternStore *
lectern_window_get_store (LecternWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * lectern_window_get_visible_page:
 * @self: a #LecternWindow
 *
 * Returns: the name of the visible page: "event", "speakers",
 *   "panelists", "organizers", "people", "sponsors" or "schedule"
 */
const char *
lectern_window_get_visible_page (LecternWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
lectern_window_set_visible_page (LecternWindow *self,
                                 const char    *name)
{
  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * lectern_window_get_page:
 * @self: a #LecternWindow
 * @name: a page name, as for lectern_window_set_visible_page()
 *
 * Returns: (transfer none) (nullable): the page
 */
GtkWidget *
lectern_window_get_page (LecternWindow *self,
                         const char    *name)
{
  g_return_val_if_fail (LECTERN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

/**
 * lectern_window_reload:
 * @self: a #LecternWindow
 *
 * Reads the workshop file again and updates every page. A failure is
 * shown as a toast; the pages keep what they showed.
 */
void
lectern_window_reload (LecternWindow *self)
{
  g_autoptr(LecternChanges) everything = lectern_changes_new_everything ();

  g_return_if_fail (LECTERN_IS_WINDOW (self));

  reload_changes (self, everything);
}

static void
reload_changes (LecternWindow  *self,
                LecternChanges *changes)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  lectern_ui_begin_reload (self->store);
  ok = reload (self, changes, &error);
  lectern_ui_end_reload (self->store);

  if (!ok)
    {
      /* Translators: %s is an error message */
      lectern_window_add_toast (self, adw_toast_new_format (_("Could not read the workshop file: %s"),
                                                            error->message));
    }

  update_page_actions (self);
  update_search_badges (self);
}

/**
 * lectern_window_add_toast:
 * @self: a #LecternWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
lectern_window_add_toast (LecternWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (g_strcmp0 (adw_toast_get_action_name (toast), "win.undo") == 0)
    {
      g_free (self->undo_toast_step);
      self->undo_toast_step = lectern_store_get_undo_label (self->store);

      /* A toast offering Undo that is still up takes the new step (see
       * recheck_undo_toast()) */
      if (self->undo_toast != NULL)
        {
          adw_toast_set_title (self->undo_toast, adw_toast_get_title (toast));
          g_object_unref (toast);
          return;
        }

      g_set_weak_pointer (&self->undo_toast, toast);
      self->undo_toast_time = g_get_monotonic_time ();
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
