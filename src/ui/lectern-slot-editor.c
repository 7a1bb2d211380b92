/* lectern-slot-editor.c: the side pane that edits the selected slot
 *
 * Title, kind, emoji, session, sponsor, the people with their roles
 * (chosen from the workshop's people), the abstract, the links (paper,
 * slides, video) and the note with its link. Every change is saved on
 * its own, as one undo step, through the same path as the other editors
 * (lectern_ui_save_edit(): a colleague's concurrent edit is never
 * overwritten silently). The slot is copied with its own copy, so its
 * people and links go with every save. Where and when the slot is goes
 * through Move To… (the schedule's operations and their checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-slot-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-conflict-dialog.h"
#include "lectern-enum-types.h"
#include "lectern-form.h"
#include "lectern-schedule-ops.h"
#include "lectern-schedule.h"
#include "lectern-slot-editor.h"
#include "lectern-ui-util.h"

struct _LecternSlotEditor
{
  GtkWidget     parent_instance;

  /* Template Widgets */
  GtkLabel     *when_label;
  AdwEntryRow  *title_row;
  AdwComboRow  *kind_row;
  AdwEntryRow  *emoji_row;
  AdwComboRow  *session_row;
  AdwComboRow  *sponsor_row;
  GtkWidget    *new_session_button;
  AdwEntryRow  *session_title_row;
  AdwEntryRow  *session_emoji_row;
  GtkListBox   *people_list;
  GtkTextView  *abstract_view;
  GtkListBox   *links_list;
  AdwEntryRow  *note_row;
  AdwEntryRow  *note_link_text_row;
  AdwEntryRow  *note_url_row;

  /* Owned References */
  LecternStore *store;
  LecternSchedule *schedule;
  LecternSlot  *slot;          /* the schedule's, live */
  gulong        notify_id;
  LecternForm  *form;
  GArray       *session_ids;   /* the combo rows' ids, 0 first (none) */
  GArray       *sponsor_ids;
  GListModel   *people;        /* everyone, for adding a person */
  GListModel   *sessions;

  guint         updating : 1;
};

G_DEFINE_FINAL_TYPE (LecternSlotEditor, lectern_slot_editor, GTK_TYPE_WIDGET)

/* Saving */

static gboolean
save_slot (LecternStore  *store,
           gpointer       slot,
           GError       **error)
{
  return lectern_store_update_slot (store, slot, error);
}

static gpointer
fetch_slot (LecternStore  *store,
            gint64         id,
            GError       **error)
{
  return lectern_store_get_slot (store, id, error);
}

static const LecternConflictField slot_fields[] = {
  { "title", N_("Title") },
  { "kind", N_("Kind") },
  { "emoji", N_("Emoji") },
  { "session-id", N_("Session") },
  { "sponsor-id", N_("Sponsor") },
  { "abstract", N_("Abstract") },
  { "note", N_("Note") },
  { "note-link-text", N_("Link Text in the Note") },
  { "note-url", N_("Link of the Note") },
  { "start", N_("Start") },
  { "duration", N_("Length") },
};

static LecternConflictField slot_fields_translated[G_N_ELEMENTS (slot_fields)];

static const LecternSaveKind slot_kind = {
  save_slot, fetch_slot, slot_fields_translated, G_N_ELEMENTS (slot_fields),
};

static const char *
slot_name (LecternSlot *slot)
{
  const char *title = lectern_slot_get_title (slot);

  return lectern_ui_is_empty (title) ? lectern_ui_slot_kind_label (lectern_slot_get_kind (slot)) : title;
}

static void
save (LecternSlotEditor *self,
      LecternSlot       *edited,
      LecternForm       *form)
{
  g_autofree char *label = NULL;

  /* Translators: an undo step; %s is the title of a talk */
  label = g_strdup_printf (_("Edit “%s”"), slot_name (self->slot));
  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &slot_kind, form, edited, label, slot_name (self->slot));

  /* the slot takes its new rev now, so that the next change is not
   * taken for a stale one (the window reads the file again later) */
  if (self->schedule != NULL)
    lectern_schedule_reload (self->schedule, NULL);
}

static gboolean
is_editable (LecternSlotEditor *self)
{
  return self->slot != NULL && self->store != NULL && !lectern_store_get_read_only (self->store) &&
         !self->updating;
}

static void
form_apply_cb (LecternSlotEditor *self,
               LecternSlot       *edited)
{
  if (is_editable (self))
    save (self, edited, self->form);
}

static void
kind_changed_cb (LecternSlotEditor *self)
{
  g_autoptr(LecternSlot) edited = NULL;
  int kind = lectern_ui_combo_row_get_enum (self->kind_row);

  if (!is_editable (self) || kind < 0 || kind == (int) lectern_slot_get_kind (self->slot))
    return;

  edited = lectern_slot_copy (self->slot);
  lectern_slot_set_kind (edited, kind);
  save (self, edited, NULL);
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint i = adw_combo_row_get_selected (row);

  return ids != NULL && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static void
session_changed_cb (LecternSlotEditor *self)
{
  g_autoptr(LecternSlot) edited = NULL;
  gint64 id = selected_id (self->session_row, self->session_ids);

  if (!is_editable (self) || id == lectern_slot_get_session_id (self->slot))
    return;

  edited = lectern_slot_copy (self->slot);
  lectern_slot_set_session_id (edited, id);
  save (self, edited, NULL);
}

static LecternSession *
find_session (LecternSlotEditor *self,
              gint64             id)
{
  for (guint i = 0; id > 0 && self->sessions != NULL && i < g_list_model_get_n_items (self->sessions); i++)
    {
      LecternSession *session = g_list_model_get_item (self->sessions, i);

      if (lectern_session_get_id (session) == id)
        return session;
      g_object_unref (session);
    }

  return NULL;
}

/* The slot's session renamed, or given another emoji: one undo step. */
static void
session_apply_cb (LecternSlotEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSession) session = NULL;

  if (!is_editable (self) || !(session = find_session (self, lectern_slot_get_session_id (self->slot))))
    return;

  lectern_session_set_title (session, gtk_editable_get_text (GTK_EDITABLE (self->session_title_row)));
  lectern_session_set_emoji (session, gtk_editable_get_text (GTK_EDITABLE (self->session_emoji_row)));
  if (!lectern_store_update_session (self->store, session, &error))
    lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Save"), error);
  lectern_ui_reload_window (GTK_WIDGET (self));
}

/* A new session on the slot's day, with the slot in it. */
static void
new_session_cb (LecternSlotEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSession) session = NULL;
  g_autoptr(LecternSlot) edited = NULL;

  if (!is_editable (self) || !lectern_slot_is_scheduled (self->slot))
    return;

  edited = lectern_slot_copy (self->slot);
  if (!(session = lectern_store_start_session (self->store, edited, _("New Session"), &error)))
    {
      lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Save"), error);
      return;
    }

  if (self->schedule != NULL)
    lectern_schedule_reload (self->schedule, NULL);
  lectern_ui_reload_window (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->session_title_row));
}

static void
sponsor_changed_cb (LecternSlotEditor *self)
{
  g_autoptr(LecternSlot) edited = NULL;
  gint64 id = selected_id (self->sponsor_row, self->sponsor_ids);

  if (!is_editable (self) || id == lectern_slot_get_sponsor_id (self->slot))
    return;

  edited = lectern_slot_copy (self->slot);
  lectern_slot_set_sponsor_id (edited, id);
  save (self, edited, NULL);
}

static char *
abstract_text (LecternSlotEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->abstract_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The abstract is saved when the organizer leaves it. */
static void
abstract_leave_cb (LecternSlotEditor *self)
{
  g_autoptr(LecternSlot) edited = NULL;
  g_autofree char *text = abstract_text (self);

  if (!is_editable (self) || g_strcmp0 (text, lectern_slot_get_abstract (self->slot) ? lectern_slot_get_abstract (self->slot) : "") == 0)
    return;

  edited = lectern_slot_copy (self->slot);
  lectern_slot_set_abstract (edited, text);
  save (self, edited, NULL);
}

/* People */

static const char *
appearance_role_label (LecternAppearanceRole role)
{
  switch (role)
    {
    case LECTERN_APPEARANCE_SPEAKER:
      return C_("appearance", "Speaker");
    case LECTERN_APPEARANCE_PANELIST:
      return C_("appearance", "Panelist");
    case LECTERN_APPEARANCE_MODERATOR:
      return C_("appearance", "Moderator");
    case LECTERN_APPEARANCE_AUTHOR:
      return C_("appearance", "Author");
    case LECTERN_N_APPEARANCE_ROLES:
    default:
      return NULL;
    }
}

static const char *
role_label (int value)
{
  return appearance_role_label (value);
}

static const char *
kind_label (int value)
{
  return lectern_ui_slot_kind_label (value);
}

static void
remove_person_cb (GtkButton         *button,
                  LecternSlotEditor *self)
{
  g_autoptr(LecternSlot) edited = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  GPtrArray *appearances;

  if (!is_editable (self))
    return;

  edited = lectern_slot_copy (self->slot);
  appearances = lectern_slot_get_appearances (edited);
  if (index < appearances->len)
    g_ptr_array_remove_index (appearances, index);
  save (self, edited, NULL);
}

static void
add_person_cb (GtkButton         *button,
               LecternSlotEditor *self)
{
  AdwComboRow *who = g_object_get_data (G_OBJECT (button), "who");
  AdwComboRow *as = g_object_get_data (G_OBJECT (button), "as");
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(LecternSlot) edited = NULL;
  guint i = adw_combo_row_get_selected (who);

  if (!is_editable (self) || self->people == NULL || i >= g_list_model_get_n_items (self->people))
    return;

  person = g_list_model_get_item (self->people, i);
  edited = lectern_slot_copy (self->slot);
  lectern_slot_add_appearance (edited, lectern_person_get_id (person),
                               MAX (lectern_ui_combo_row_get_enum (as), 0), NULL);
  save (self, edited, NULL);
}

static char *
person_label (LecternPerson *person)
{
  return g_strdup (lectern_person_get_name (person));
}

static void
rebuild_people (LecternSlotEditor *self)
{
  GPtrArray *appearances = lectern_slot_get_appearances (self->slot);
  GtkWidget *row, *who, *as, *add, *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), a->name ? a->name : "");
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name ? a->name : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), appearance_role_label (a->role));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_person_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->people_list, row);
    }

  /* who, as what, Add */
  who = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (who), _("Add a Person"));
  adw_combo_row_set_expression (ADW_COMBO_ROW (who),
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (person_label), NULL, NULL));
  adw_combo_row_set_model (ADW_COMBO_ROW (who), self->people);
  gtk_list_box_append (self->people_list, who);

  as = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (as), _("As"));
  lectern_ui_combo_row_set_enum (ADW_COMBO_ROW (as), LECTERN_TYPE_APPEARANCE_ROLE, role_label);
  add = gtk_button_new_with_mnemonic (_("_Add"));
  lectern_ui_name_button (add);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (add), "who", who);
  g_object_set_data (G_OBJECT (add), "as", as);
  g_signal_connect (add, "clicked", G_CALLBACK (add_person_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (as), add);
  gtk_list_box_append (self->people_list, as);
}

/* Links */

static void
remove_link_cb (GtkButton         *button,
                LecternSlotEditor *self)
{
  g_autoptr(LecternSlot) edited = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  GPtrArray *links;

  if (!is_editable (self))
    return;

  edited = lectern_slot_copy (self->slot);
  links = lectern_slot_get_links (edited);
  if (index < links->len)
    g_ptr_array_remove_index (links, index);
  save (self, edited, NULL);
}

static void
link_url_changed_cb (GtkEditable *editable,
                     GtkWidget   *add)
{
  const char *url = gtk_editable_get_text (editable);

  gtk_widget_set_sensitive (add, lectern_ui_url_is_valid (url) && !lectern_ui_is_empty (url));
}

static void
add_link_cb (GtkButton         *button,
             LecternSlotEditor *self)
{
  GtkEditable *kind = g_object_get_data (G_OBJECT (button), "kind");
  GtkEditable *url = g_object_get_data (G_OBJECT (button), "url");
  g_autoptr(LecternSlot) edited = NULL;
  g_autofree char *kind_text = g_strstrip (g_strdup (gtk_editable_get_text (kind)));

  if (!is_editable (self) || !lectern_ui_url_is_valid (gtk_editable_get_text (url)))
    return;

  edited = lectern_slot_copy (self->slot);
  lectern_slot_add_link (edited, kind_text[0] ? kind_text : "link", gtk_editable_get_text (url));
  save (self, edited, NULL);
}

static void
rebuild_links (LecternSlotEditor *self)
{
  GPtrArray *links = lectern_slot_get_links (self->slot);
  GtkWidget *row, *kind, *url, *add, *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);

  for (guint i = 0; i < links->len; i++)
    {
      const LecternLink *link = g_ptr_array_index (links, i);
      g_autofree char *remove_label = g_strdup_printf (_("Remove the link “%s”"), link->kind);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->kind);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), link->url);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_link_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->links_list, row);
    }

  kind = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("New Link’s Kind (paper, slides, video)"));
  gtk_list_box_append (self->links_list, kind);
  url = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (url), _("New Link’s Address"));
  add = gtk_button_new_with_mnemonic (_("_Add"));
  lectern_ui_name_button (add);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (add, FALSE);
  g_object_set_data (G_OBJECT (add), "kind", kind);
  g_object_set_data (G_OBJECT (add), "url", url);
  g_signal_connect (add, "clicked", G_CALLBACK (add_link_cb), self);
  g_signal_connect (url, "changed", G_CALLBACK (link_url_changed_cb), add);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (url), add);
  gtk_list_box_append (self->links_list, url);
}

/* The rest of the fields, from the slot */

static void
show_slot (LecternSlotEditor *self)
{
  g_autofree char *abstract = NULL;
  g_autofree char *when = NULL;

  if (self->slot == NULL)
    return;

  self->updating = TRUE;

  if (lectern_slot_is_scheduled (self->slot))
    {
      g_autofree char *start = lectern_format_time (lectern_slot_get_start (self->slot));
      g_autofree char *end = lectern_format_time (lectern_slot_get_end (self->slot) % (24 * 60));

      when = g_strdup_printf ("%s – %s", start, end);
    }
  else
    {
      g_autofree char *length = lectern_format_duration (lectern_slot_get_duration (self->slot));

      /* Translators: a slot in the pool, and its length */
      when = g_strdup_printf (_("Unscheduled · %s"), length);
    }
  gtk_label_set_text (self->when_label, when);

  lectern_ui_combo_row_select_enum (self->kind_row, lectern_slot_get_kind (self->slot));
  for (guint i = 0; self->session_ids && i < self->session_ids->len; i++)
    if (g_array_index (self->session_ids, gint64, i) == lectern_slot_get_session_id (self->slot))
      adw_combo_row_set_selected (self->session_row, i);
  {
    g_autoptr(LecternSession) session = find_session (self, lectern_slot_get_session_id (self->slot));

    gtk_widget_set_visible (GTK_WIDGET (self->session_title_row), session != NULL);
    gtk_widget_set_visible (GTK_WIDGET (self->session_emoji_row), session != NULL);
    if (session != NULL && !gtk_widget_has_focus (GTK_WIDGET (self->session_title_row)))
      gtk_editable_set_text (GTK_EDITABLE (self->session_title_row), lectern_session_get_title (session));
    if (session != NULL && !gtk_widget_has_focus (GTK_WIDGET (self->session_emoji_row)))
      gtk_editable_set_text (GTK_EDITABLE (self->session_emoji_row), lectern_session_get_emoji (session));
    gtk_widget_set_sensitive (self->new_session_button, lectern_slot_is_scheduled (self->slot) &&
                              !lectern_store_get_read_only (self->store));
  }
  for (guint i = 0; self->sponsor_ids && i < self->sponsor_ids->len; i++)
    if (g_array_index (self->sponsor_ids, gint64, i) == lectern_slot_get_sponsor_id (self->slot))
      adw_combo_row_set_selected (self->sponsor_row, i);

  abstract = abstract_text (self);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->abstract_view)) &&
      g_strcmp0 (abstract, lectern_slot_get_abstract (self->slot) ? lectern_slot_get_abstract (self->slot) : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->abstract_view),
                              lectern_slot_get_abstract (self->slot) ? lectern_slot_get_abstract (self->slot) : "", -1);

  rebuild_people (self);
  rebuild_links (self);
  lectern_form_set_object (self->form, self->slot);
  lectern_form_set_editable (self->form, !lectern_store_get_read_only (self->store));

  self->updating = FALSE;
}

static void
slot_notify_cb (LecternSlotEditor *self)
{
  show_slot (self);
}

/**
 * lectern_slot_editor_refresh:
 *
 * Reads the sessions, sponsors and people again (the choices of the
 * combo rows), then shows the slot.
 */
void
lectern_slot_editor_refresh (LecternSlotEditor *self)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(GtkStringList) session_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sponsor_names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_return_if_fail (LECTERN_IS_SLOT_EDITOR (self));

  if (self->store == NULL)
    return;

  self->updating = TRUE;
  sessions = lectern_store_list_sessions (self->store, NULL);
  g_set_object (&self->sessions, sessions);
  sponsors = lectern_store_list_sponsors (self->store, NULL);
  g_clear_object (&self->people);
  self->people = lectern_store_list_people (self->store, NULL);

  g_array_set_size (self->session_ids, 0);
  g_array_set_size (self->sponsor_ids, 0);
  gtk_string_list_append (session_names, C_("session", "None"));
  g_array_append_val (self->session_ids, none);
  for (guint i = 0; sessions && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(LecternSession) session = g_list_model_get_item (sessions, i);
      gint64 id = lectern_session_get_id (session);
      g_autofree char *label = lectern_ui_is_empty (lectern_session_get_emoji (session))
        ? g_strdup (lectern_session_get_title (session))
        : g_strdup_printf ("%s %s", lectern_session_get_emoji (session), lectern_session_get_title (session));

      gtk_string_list_append (session_names, label);
      g_array_append_val (self->session_ids, id);
    }
  gtk_string_list_append (sponsor_names, C_("sponsor", "None"));
  g_array_append_val (self->sponsor_ids, none);
  for (guint i = 0; sponsors && i < g_list_model_get_n_items (sponsors); i++)
    {
      g_autoptr(LecternSponsor) sponsor = g_list_model_get_item (sponsors, i);
      gint64 id = lectern_sponsor_get_id (sponsor);

      gtk_string_list_append (sponsor_names, lectern_sponsor_get_name (sponsor));
      g_array_append_val (self->sponsor_ids, id);
    }
  adw_combo_row_set_model (self->session_row, G_LIST_MODEL (session_names));
  adw_combo_row_set_model (self->sponsor_row, G_LIST_MODEL (sponsor_names));
  self->updating = FALSE;

  show_slot (self);
}

void
lectern_slot_editor_set_slot (LecternSlotEditor *self,
                              LecternSlot       *slot)
{
  g_return_if_fail (LECTERN_IS_SLOT_EDITOR (self));
  g_return_if_fail (!slot || LECTERN_IS_SLOT (slot));

  if (self->slot == slot)
    return;

  /* what was typed in the abstract goes with the slot it was typed for */
  if (self->slot != NULL && gtk_widget_has_focus (GTK_WIDGET (self->abstract_view)))
    abstract_leave_cb (self);

  if (self->slot != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->slot);
      g_signal_handlers_disconnect_by_data (self->slot, self);
    }
  g_set_object (&self->slot, slot);
  if (slot != NULL)
    {
      self->notify_id = g_signal_connect_swapped (slot, "notify", G_CALLBACK (slot_notify_cb), self);
      g_signal_connect_object (slot, "people-changed", G_CALLBACK (slot_notify_cb), self, G_CONNECT_SWAPPED);
    }

  /* a new slot's text starts from its own */
  if (slot != NULL)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->abstract_view),
                                lectern_slot_get_abstract (slot) ? lectern_slot_get_abstract (slot) : "", -1);
      self->updating = FALSE;
    }

  lectern_slot_editor_refresh (self);
}

LecternSlot *
lectern_slot_editor_get_slot (LecternSlotEditor *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT_EDITOR (self), NULL);

  return self->slot;
}

void
lectern_slot_editor_set_schedule (LecternSlotEditor *self,
                                  LecternSchedule   *schedule)
{
  g_return_if_fail (LECTERN_IS_SLOT_EDITOR (self));
  g_return_if_fail (!schedule || LECTERN_IS_SCHEDULE (schedule));

  g_set_object (&self->schedule, schedule);
  g_clear_object (&self->store);
  if (schedule != NULL)
    self->store = g_object_ref (lectern_schedule_get_store (schedule));
}

/* GObject */

static void
lectern_slot_editor_dispose (GObject *object)
{
  LecternSlotEditor *self = LECTERN_SLOT_EDITOR (object);
  GtkWidget *child;

  if (self->slot != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->slot);
      g_signal_handlers_disconnect_by_data (self->slot, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_SLOT_EDITOR);
  /* the children the template does not name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->form);
  g_clear_object (&self->slot);
  g_clear_object (&self->schedule);
  g_clear_object (&self->store);
  g_clear_object (&self->people);
  g_clear_object (&self->sessions);

  G_OBJECT_CLASS (lectern_slot_editor_parent_class)->dispose (object);
}

static void
lectern_slot_editor_finalize (GObject *object)
{
  LecternSlotEditor *self = LECTERN_SLOT_EDITOR (object);

  g_clear_pointer (&self->session_ids, g_array_unref);
  g_clear_pointer (&self->sponsor_ids, g_array_unref);

  G_OBJECT_CLASS (lectern_slot_editor_parent_class)->finalize (object);
}

static void
lectern_slot_editor_class_init (LecternSlotEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_slot_editor_dispose;
  object_class->finalize = lectern_slot_editor_finalize;

  for (guint i = 0; i < G_N_ELEMENTS (slot_fields); i++)
    {
      slot_fields_translated[i].property = slot_fields[i].property;
      slot_fields_translated[i].label = _(slot_fields[i].label);
    }

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-slot-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, when_label);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, emoji_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, session_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, sponsor_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, new_session_button);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, session_title_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, session_emoji_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, people_list);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, abstract_view);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, links_list);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, note_link_text_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSlotEditor, note_url_row);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sponsor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_session_cb);
}

static void
lectern_slot_editor_init (LecternSlotEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sponsor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->updating = TRUE;
  lectern_ui_combo_row_set_enum (self->kind_row, LECTERN_TYPE_SLOT_KIND, kind_label);
  self->updating = FALSE;

  self->form = lectern_form_new ();
  lectern_form_add_entry (self->form, self->title_row, "title", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->emoji_row, "emoji", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->note_row, "note", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->note_link_text_row, "note-link-text", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->note_url_row, "note-url", LECTERN_FIELD_URL);
  g_signal_connect_swapped (self->form, "apply", G_CALLBACK (form_apply_cb), self);

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (abstract_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->abstract_view), focus);
}
