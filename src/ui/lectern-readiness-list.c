/* lectern-readiness-list.c: what the site would show wrong, as rows
 *
 * A boxed list of the readiness checks (src/site/lectern-readiness.c),
 * errors first; shown before an export and on the Event page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-readiness-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-readiness.h"
#include "lectern-readiness-list.h"
#include "lectern-site-program.h"

struct _LecternReadinessList
{
  GtkWidget   parent_instance;

  GtkListBox *list;
  gboolean    actionable;   /* rows lead to the fix (win.fix) */
};

G_DEFINE_FINAL_TYPE (LecternReadinessList, lectern_readiness_list, GTK_TYPE_WIDGET)

/* Rows shown at most: a workshop just imported may have a problem per
 * card, and thousands of wrapping rows would take seconds to lay out.
 * The most serious come first; the rest are counted.
 */
#define MAX_ROWS 12

static GtkWidget *
new_row (const char *icon_name,
         const char *title,
         const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_strcmp0 (css_class, "error") == 0 ? _("Problem") :
                                  g_strcmp0 (css_class, "warning") == 0 ? _("Warning") :
                                  css_class == NULL ? _("Link") : _("Fine"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* Activating the row shows where to fix it: the person's or sponsor's
 * editor at the field ("win.fix", ("person", id, "photo")), the slot
 * on the timeline, or the Call page.
 */
static void
set_fix (GtkWidget                  *row,
         const LecternReadinessItem *item)
{
  const char *kind = item->sponsor_id != 0 ? "sponsor" : item->person_id != 0 && item->field != NULL
                     ? "person" : item->slot_id != 0 ? "slot" : item->person_id != 0 ? "person" : NULL;
  gint64 id = item->sponsor_id != 0 ? item->sponsor_id : g_strcmp0 (kind, "slot") == 0
              ? item->slot_id : item->person_id;

  /* the call for papers' problems: its page */
  if (g_strcmp0 (item->field, "cfp") == 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "call");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      return;
    }

  if (kind == NULL)
    return;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.fix");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sxs)", kind, id,
                                    item->field != NULL ? item->field : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

/* Whether the rows lead to the fix: in the window (not in a dialog,
 * which has no win.fix). */
void
lectern_readiness_list_set_actionable (LecternReadinessList *self,
                                       gboolean              actionable)
{
  g_return_if_fail (LECTERN_IS_READINESS_LIST (self));
  self->actionable = actionable;
}

static void
clear (LecternReadinessList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
}

void
lectern_readiness_list_show_message (LecternReadinessList *self,
                                     const char           *icon_name,
                                     const char           *message,
                                     const char           *css_class)
{
  g_return_if_fail (LECTERN_IS_READINESS_LIST (self));

  clear (self);
  gtk_list_box_append (self->list, new_row (icon_name, message, css_class));
}

static void
copy_link_cb (GtkButton *button)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), url);
}

static void
open_link_cb (AdwActionRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_object_get_data (G_OBJECT (row), "url"), GDK_CURRENT_TIME);
}

/* Where attendees find the program the export writes beside the site
 * (lectern-site-program.c): a row per file, which opens its address,
 * with a button that copies it. Nothing while the schedule is empty or
 * the workshop writes no such files.
 */
static void
append_program_links (LecternReadinessList *self,
                      LecternStore         *store)
{
  g_autoptr(LecternEvent) event = lectern_store_get_event (store, NULL);
  g_autoptr(GPtrArray) links = NULL;
  gboolean any = FALSE;

  if (event == NULL || !lectern_site_has_program (store, &any, NULL) || !any)
    return;

  links = lectern_site_program_links (event);
  for (guint i = 0; i < links->len; i++)
    {
      LecternProgramLink *link = g_ptr_array_index (links, i);
      GtkWidget *row = new_row (g_str_equal (link->format, "ics") ? "x-office-calendar-symbolic"
                                                                  : "view-list-symbolic",
                                link->label, NULL);
      g_autofree char *copy_label = NULL;
      GtkWidget *copy;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), link->url != NULL ? link->url : link->path);
      if (link->url == NULL)
        {
          gtk_list_box_append (self->list, row);
          continue;
        }

      g_object_set_data_full (G_OBJECT (row), "url", g_strdup (link->url), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (open_link_cb), NULL);

      copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy Link"));
      /* Translators: %s is a file's kind, such as “Calendar (iCalendar)” */
      copy_label = g_strdup_printf (_("Copy Link to %s"), link->label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);
      g_object_set_data_full (G_OBJECT (copy), "url", g_strdup (link->url), g_free);
      g_signal_connect (copy, "clicked", G_CALLBACK (copy_link_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
      gtk_list_box_append (self->list, row);
    }
}

/* Runs the checks (with the site's, when site_dir is set) and shows
 * them, then where attendees find the program; returns how many
 * problems were found.
 */
guint
lectern_readiness_list_update (LecternReadinessList *self,
                               LecternStore         *store,
                               const char           *site_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(LecternSiteFolder) site = NULL;

  g_return_val_if_fail (LECTERN_IS_READINESS_LIST (self), 0);
  g_return_val_if_fail (LECTERN_IS_STORE (store), 0);

  /* a folder that cannot be opened is the export's to explain */
  if (site_dir != NULL)
    site = lectern_site_folder_open (site_dir, NULL);
  items = lectern_readiness_check (store, site, &error);
  if (items == NULL)
    {
      lectern_readiness_list_show_message (self, "dialog-error-symbolic", error->message, "error");
      return 0;
    }

  if (items->len == 0)
    {
      lectern_readiness_list_show_message (self, "emblem-ok-symbolic",
                                           _("Nothing to fix: every card has a photo, an affiliation and a link."),
                                           "success");
      append_program_links (self, store);
      return 0;
    }

  clear (self);
  for (guint i = 0; i < MIN (items->len, MAX_ROWS); i++)
    {
      LecternReadinessItem *item = g_ptr_array_index (items, i);
      gboolean is_error = item->level == LECTERN_READINESS_ERROR;

      GtkWidget *row = new_row (is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                                item->message, is_error ? "error" : "warning");

      if (self->actionable)
        set_fix (row, item);
      gtk_list_box_append (self->list, row);
    }

  if (items->len > MAX_ROWS)
    {
      guint rest = items->len - MAX_ROWS;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more",
                                                            "And %u more",
                                                            rest),
                                               rest);

      gtk_list_box_append (self->list, new_row ("view-more-horizontal-symbolic", more, "dim-label"));
    }
  append_program_links (self, store);

  return items->len;
}

static void
lectern_readiness_list_dispose (GObject *object)
{
  LecternReadinessList *self = (LecternReadinessList *) object;

  if (self->list != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->list));
  self->list = NULL;

  G_OBJECT_CLASS (lectern_readiness_list_parent_class)->dispose (object);
}

static void
lectern_readiness_list_class_init (LecternReadinessListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_readiness_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lectern_readiness_list_init (LecternReadinessList *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}

GtkWidget *
lectern_readiness_list_new (void)
{
  return g_object_new (LECTERN_TYPE_READINESS_LIST, NULL);
}
