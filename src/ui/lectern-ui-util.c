/* lectern-ui-util.c: small helpers shared by the window's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lectern-enum-types.h"
#include "lectern-site-image.h"
#include "lectern-ui-util.h"
#include "lectern-validate.h"
#include "lectern-window.h"

gboolean
lectern_ui_is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/**
 * lectern_ui_sync_list_store:
 * @store: the list a view shows
 * @fresh: the same list as read now
 * @same: tells whether two items are the same row, unchanged
 * @replace_all: replace every row
 *
 * Makes @store hold the items of @fresh. Rows the two lists share at the
 * start and at the end keep their old objects and are not touched; only
 * the part in between is spliced, so that the view keeps its scroll
 * position and the rows their widgets.
 */
void
lectern_ui_sync_list_store (GListStore          *store,
                            GListModel          *fresh,
                            LecternSameItemFunc  same,
                            gboolean             replace_all)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = g_list_model_get_n_items (fresh);
  guint prefix = 0;
  guint suffix = 0;
  guint n_removed;
  guint n_added;
  g_autoptr(GPtrArray) additions = NULL;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (fresh));
  g_return_if_fail (same != NULL);

  if (!replace_all)
    {
      while (prefix < n_old && prefix < n_new)
        {
          g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (store), prefix);
          g_autoptr(GObject) b = g_list_model_get_item (fresh, prefix);

          if (!same (a, b))
            break;
          prefix++;
        }

      while (suffix < n_old - prefix && suffix < n_new - prefix)
        {
          g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - suffix);
          g_autoptr(GObject) b = g_list_model_get_item (fresh, n_new - 1 - suffix);

          if (!same (a, b))
            break;
          suffix++;
        }
    }

  n_removed = n_old - prefix - suffix;
  n_added = n_new - prefix - suffix;
  if (n_removed == 0 && n_added == 0)
    return;

  additions = g_ptr_array_new_full (n_added, g_object_unref);
  for (guint i = 0; i < n_added; i++)
    g_ptr_array_add (additions, g_list_model_get_item (fresh, prefix + i));

  g_list_store_splice (store, prefix, n_removed, additions->pdata, n_added);
}

/* "2023-07-29" -> "Saturday, July 29, 2023" in the user's language */
char *
lectern_ui_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (lectern_ui_is_empty (iso_date))
    return NULL;

  if (sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3 ||
      !(date = g_date_time_new_utc (year, month, day, 0, 0, 0)))
    return g_strdup (iso_date);

  /* Translators: a full date, see the format of g_date_time_format() */
  return g_date_time_format (date, _("%A, %B %-d, %Y"));
}

/* Validation as typed. An empty field is always valid: it clears the
 * value. The store refuses what would break the site (names, slugs, time
 * zones); these only keep obvious typing mistakes out of the file.
 */

/* The checks themselves live in core (lectern-validate.c). */
gboolean
lectern_ui_url_is_valid (const char *text)
{
  return lectern_validate_url (text);
}

gboolean
lectern_ui_email_is_valid (const char *text)
{
  return lectern_validate_email (text);
}

gboolean
lectern_ui_date_is_valid (const char *text)
{
  return lectern_validate_date (text);
}

gboolean
lectern_ui_timezone_is_valid (const char *text)
{
  return lectern_validate_timezone (text);
}

const char *
lectern_ui_status_label (LecternStatus status)
{
  switch (status)
    {
    case LECTERN_STATUS_NONE:
      return C_("invitation status", "Not Invited");
    case LECTERN_STATUS_INVITED:
      return C_("invitation status", "Invited");
    case LECTERN_STATUS_CONFIRMED:
      return C_("invitation status", "Confirmed");
    case LECTERN_STATUS_DECLINED:
      return C_("invitation status", "Declined");
    case LECTERN_N_STATUSES:
    default:
      return NULL;
    }
}

const char *
lectern_ui_role_label (LecternRole role)
{
  switch (role)
    {
    case LECTERN_ROLE_SPEAKER:
      return C_("role", "Speaker");
    case LECTERN_ROLE_PANELIST:
      return C_("role", "Panelist");
    case LECTERN_ROLE_MODERATOR:
      return C_("role", "Moderator");
    case LECTERN_ROLE_ORGANIZER:
      return C_("role", "Organizer");
    case LECTERN_N_ROLES:
    default:
      return NULL;
    }
}

/* "Contributed talk": a kind of slot, as the organizers read it. */
const char *
lectern_ui_slot_kind_label (LecternSlotKind kind)
{
  switch (kind)
    {
    case LECTERN_SLOT_TALK:
      return C_("slot kind", "Talk");
    case LECTERN_SLOT_ORAL:
      return C_("slot kind", "Oral");
    case LECTERN_SLOT_CONTRIBUTED:
      return C_("slot kind", "Contributed talk");
    case LECTERN_SLOT_KEYNOTE:
      return C_("slot kind", "Keynote");
    case LECTERN_SLOT_PANEL:
      return C_("slot kind", "Panel");
    case LECTERN_SLOT_POSTER:
      return C_("slot kind", "Poster session");
    case LECTERN_SLOT_BREAK:
      return C_("slot kind", "Break");
    case LECTERN_SLOT_LUNCH:
      return C_("slot kind", "Lunch");
    case LECTERN_SLOT_AWARDS:
      return C_("slot kind", "Awards");
    case LECTERN_SLOT_REMARKS:
      return C_("slot kind", "Remarks");
    case LECTERN_SLOT_SOCIAL:
      return C_("slot kind", "Social");
    case LECTERN_N_SLOT_KINDS:
    default:
      return NULL;
    }
}

/* Combo rows of registered enums (lectern-enum-types.h) */

/* How a value of one of the workshop's enums reads: "Panel", "Invited";
 * NULL for another type or a value out of range. */
const char *
lectern_ui_enum_label (GType enum_type,
                       int   value)
{
  if (enum_type == LECTERN_TYPE_SLOT_KIND)
    return value >= 0 && value < LECTERN_N_SLOT_KINDS ? lectern_ui_slot_kind_label (value) : NULL;
  if (enum_type == LECTERN_TYPE_ROLE)
    return value >= 0 && value < LECTERN_N_ROLES ? lectern_ui_role_label (value) : NULL;
  if (enum_type == LECTERN_TYPE_STATUS)
    return value >= 0 && value < LECTERN_N_STATUSES ? lectern_ui_status_label (value) : NULL;

  return NULL;
}

static char *
enum_item_label (AdwEnumListItem    *item,
                 LecternUiEnumLabel  label)
{
  return g_strdup (item != NULL ? label (adw_enum_list_item_get_value (item)) : "");
}

/**
 * lectern_ui_combo_row_set_enum:
 * @row: a combo row
 * @enum_type: a registered enum type, e.g. %LECTERN_TYPE_SLOT_KIND
 * @label: the name shown for each value
 *
 * Offers the values of @enum_type in @row, in their order, by the names
 * @label gives them. The selection is then a value:
 * lectern_ui_combo_row_get_enum(), lectern_ui_combo_row_select_enum().
 */
void
lectern_ui_combo_row_set_enum (AdwComboRow        *row,
                               GType               enum_type,
                               LecternUiEnumLabel  label)
{
  g_autoptr(AdwEnumListModel) model = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (G_TYPE_IS_ENUM (enum_type));
  g_return_if_fail (label != NULL);

  model = adw_enum_list_model_new (enum_type);
  adw_combo_row_set_expression (row, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                  G_CALLBACK (enum_item_label),
                                                                  (gpointer) label, NULL));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/* The selected value, or -1 when nothing is selected. */
int
lectern_ui_combo_row_get_enum (AdwComboRow *row)
{
  AdwEnumListItem *item;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), -1);

  item = adw_combo_row_get_selected_item (row);
  return ADW_IS_ENUM_LIST_ITEM (item) ? adw_enum_list_item_get_value (item) : -1;
}

void
lectern_ui_combo_row_select_enum (AdwComboRow *row,
                                  int          value)
{
  GListModel *model;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  model = adw_combo_row_get_model (row);
  g_return_if_fail (ADW_IS_ENUM_LIST_MODEL (model));

  if (lectern_ui_combo_row_get_enum (row) != value)
    adw_combo_row_set_selected (row, adw_enum_list_model_find_position (ADW_ENUM_LIST_MODEL (model), value));
}

/* Reading the file again, page by page */

#define ALL_CARDS_KEY "lectern-ui-all-cards"

/* While the window reads the file again, the pages share one reading of
 * every card (four pages list cards, and the editors a person's roles):
 * with 2,000 people, reading them once instead of five times is most of
 * the time a reload takes.
 */
void
lectern_ui_begin_reload (LecternStore *store)
{
  g_return_if_fail (LECTERN_IS_STORE (store));

  g_object_set_data (G_OBJECT (store), ALL_CARDS_KEY, NULL);
  g_object_set_data (G_OBJECT (store), ALL_CARDS_KEY "-on", GINT_TO_POINTER (TRUE));
}

void
lectern_ui_end_reload (LecternStore *store)
{
  g_return_if_fail (LECTERN_IS_STORE (store));

  g_object_set_data (G_OBJECT (store), ALL_CARDS_KEY, NULL);
  g_object_set_data (G_OBJECT (store), ALL_CARDS_KEY "-on", NULL);
}

/**
 * lectern_ui_list_all_cards:
 * @store: the workshop file
 * @error: return location for an error
 *
 * Returns: (transfer full): every card, as lectern_store_list_cards()
 *   with -1; read once per reload of the window
 */
GListModel *
lectern_ui_list_all_cards (LecternStore  *store,
                           GError       **error)
{
  GListModel *cards;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  cards = g_object_get_data (G_OBJECT (store), ALL_CARDS_KEY);
  if (cards != NULL)
    return g_object_ref (cards);

  cards = lectern_store_list_cards (store, -1, error);
  if (cards != NULL && g_object_get_data (G_OBJECT (store), ALL_CARDS_KEY "-on") != NULL)
    g_object_set_data_full (G_OBJECT (store), ALL_CARDS_KEY, g_object_ref (cards), g_object_unref);

  return cards;
}

/**
 * lectern_ui_square_texture:
 * @data: the bytes of an image file
 * @short_side: (out) (optional): the short side of the image, in pixels
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the square the site will show
 */
GdkTexture *
lectern_ui_square_texture (GBytes  *data,
                           int     *short_side,
                           GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) square = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  pixbuf = lectern_site_image_load (data, error);
  if (pixbuf == NULL)
    return NULL;

  if (short_side != NULL)
    *short_side = MIN (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));

  square = lectern_site_image_square (pixbuf);
  return gdk_texture_new_for_pixbuf (square);
}

/**
 * lectern_ui_lookup_square:
 * @cache: "id:rev" → #GdkTexture, owned by the caller
 * @id: the id of the row the image belongs to
 * @rev: the row's revision
 * @data: (nullable): the bytes of the image file
 *
 * The square of @data as the rows show it, decoded once per version of
 * the row: rows are bound again and again as a list scrolls.
 *
 * Returns: (transfer none) (nullable): the square, or %NULL without an image
 */
GdkPaintable *
lectern_ui_lookup_square (GHashTable *cache,
                          gint64      id,
                          gint64      rev,
                          GBytes     *data)
{
  g_autofree char *key = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (cache != NULL, NULL);

  if (data == NULL)
    return NULL;

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, id, rev);
  texture = g_hash_table_lookup (cache, key);
  if (texture == NULL)
    {
      texture = lectern_ui_square_texture (data, NULL, NULL);
      if (texture == NULL)
        return NULL;
      g_hash_table_insert (cache, g_steal_pointer (&key), texture);
    }

  return GDK_PAINTABLE (texture);
}

/* Tells why something the organizer asked for could not be done. */
void
lectern_ui_show_error (GtkWidget    *widget,
                       const char   *heading,
                       const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows @toast (transfer full) over the window that holds @widget. */
void
lectern_ui_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (LECTERN_IS_WINDOW (root))
    lectern_window_add_toast (LECTERN_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

/* Says what was just done, with Undo (the window's win.undo). */
void
lectern_ui_toast_undo (GtkWidget  *widget,
                       const char *label)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  toast = adw_toast_new (label);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  lectern_ui_toast (widget, toast);
}

/* Asks the window to read the file again, once the current event is
 * handled: saving is synchronous, refreshing the lists is not, so that
 * a save made while a list changes its selection does not splice that
 * list under its own feet.
 */
void
lectern_ui_reload_window (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_activate_action (widget, "win.reload", NULL);
}

/* Saving an edit, with the conflict choice */

typedef struct
{
  GtkWidget             *widget;   /* weak */
  LecternStore          *store;
  const LecternSaveKind *kind;
  LecternForm           *form;
  GObject               *base;     /* the version the edit started from */
  GObject               *mine;
  char                  *label;
  char                  *what;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_weak_pointer (&request->widget);
  g_clear_object (&request->store);
  g_clear_object (&request->form);
  g_clear_object (&request->base);
  g_clear_object (&request->mine);
  g_free (request->label);
  g_free (request->what);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
save_request_closure_notify (gpointer  data,
                             GClosure *closure)
{
  save_request_free (data);
}

static void save_request_run (SaveRequest *request);

/* Puts the organizer's version on top of the row as it is now. */
static void
save_request_keep_mine (SaveRequest *request)
{
  g_autoptr(GObject) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rev = 0;

  theirs = request->kind->fetch (request->store, lectern_object_get_id (request->mine), &error);
  if (theirs == NULL)
    {
      if (request->widget != NULL)
        lectern_ui_show_error (request->widget, _("Could Not Save"), error);
      save_request_free (request);
      return;
    }

  g_object_get (theirs, "rev", &rev, NULL);
  g_object_set (request->mine, "rev", rev, NULL);
  save_request_run (request);
}

static void
restore_clicked_cb (AdwToast    *toast,
                    SaveRequest *request)
{
  g_autoptr(SaveRequest) copy = g_new0 (SaveRequest, 1);

  copy->store = g_object_ref (request->store);
  copy->kind = request->kind;
  copy->form = request->form ? g_object_ref (request->form) : NULL;
  copy->base = request->base ? g_object_ref (request->base) : NULL;
  copy->mine = lectern_object_copy (request->mine);
  copy->label = g_strdup (request->label);
  copy->what = g_strdup (request->what);
  g_set_weak_pointer (&copy->widget, request->widget);

  if (copy->widget != NULL)
    save_request_keep_mine (g_steal_pointer (&copy));
}

static void
conflict_response_cb (LecternConflictDialog *dialog,
                      const char            *response,
                      SaveRequest           *request)
{
  GObject *theirs = lectern_conflict_dialog_get_theirs (dialog);

  if (g_strcmp0 (response, "mine") == 0)
    {
      save_request_keep_mine (request);
      return;
    }

  /* "Use Theirs": the form shows the file's version. What the organizer
   * typed is not lost: the toast can put it back.
   */
  if (request->form != NULL)
    lectern_form_reset (request->form, theirs);

  if (request->widget != NULL)
    {
      AdwToast *toast;

      /* Translators: %s is a name, e.g. of a speaker */
      toast = adw_toast_new_format (_("Your changes to “%s” were not saved"), request->what);
      adw_toast_set_button_label (toast, _("_Restore"));
      adw_toast_set_timeout (toast, 10);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (restore_clicked_cb),
                             request, save_request_closure_notify, 0);
      lectern_ui_toast (request->widget, toast);
      lectern_ui_reload_window (request->widget);
      return;
    }

  save_request_free (request);
}

/* Puts the organizer's edits (what differs from the base) on a copy of
 * @theirs, which becomes the version to save. Returns whether a field the
 * organizer changed was also changed, differently, by someone else.
 */
static gboolean
merge_edits (SaveRequest *request,
             GObject     *theirs)
{
  g_autoptr(GPtrArray) properties = NULL;
  gpointer merged = NULL;
  gboolean conflicting;

  if (request->base == NULL)
    {
      gint64 rev = 0;

      g_object_get (theirs, "rev", &rev, NULL);
      g_object_set (request->mine, "rev", rev, NULL);
      return TRUE;
    }

  properties = g_ptr_array_new ();
  for (guint i = 0; i < request->kind->n_fields; i++)
    g_ptr_array_add (properties, (gpointer) request->kind->fields[i].property);

  conflicting = lectern_object_merge (request->base, request->mine, theirs,
                                      (const char * const *) properties->pdata, properties->len, &merged);
  g_clear_object (&request->mine);
  request->mine = merged;
  return conflicting;
}

static void
save_request_run (SaveRequest *request)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* one step, under the editor's name for it ("Hide “Tri Dao” from Speakers") */
  ok = lectern_store_begin_action (request->store, request->label, &error);
  if (ok && !(ok = request->kind->save (request->store, request->mine, &error)))
    lectern_store_rollback (request->store);
  else if (ok)
    ok = lectern_store_commit (request->store, &error);

  if (ok)
    {
      if (request->form != NULL)
        lectern_form_set_object (request->form, request->mine);
      if (request->widget != NULL)
        lectern_ui_reload_window (request->widget);
      save_request_free (request);
      return;
    }

  if (request->widget == NULL)
    {
      save_request_free (request);
      return;
    }

  if (g_error_matches (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT))
    {
      g_autoptr(GObject) theirs = NULL;
      g_autoptr(GError) fetch_error = NULL;
      GtkWidget *dialog;
      GtkRoot *root;

      theirs = request->kind->fetch (request->store, lectern_object_get_id (request->mine),
                                     &fetch_error);
      if (theirs == NULL)
        {
          lectern_ui_show_error (request->widget, _("Could Not Save"), fetch_error);
          lectern_ui_reload_window (request->widget);
          save_request_free (request);
          return;
        }

      /* The organizer's version is the file's, with the fields they
       * changed. When nobody else changed those, there is nothing to
       * choose: the edit is saved on top of the colleague's.
       */
      if (!merge_edits (request, theirs))
        {
          save_request_run (request);
          return;
        }

      root = gtk_widget_get_root (request->widget);
      dialog = lectern_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            request->what, theirs, request->mine,
                                            request->kind->fields, request->kind->n_fields);
      g_signal_connect (dialog, "response", G_CALLBACK (conflict_response_cb), request);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  lectern_ui_show_error (request->widget, _("Could Not Save"), error);
  if (g_error_matches (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND))
    lectern_ui_reload_window (request->widget);
  save_request_free (request);
}

/**
 * lectern_ui_save_edit:
 * @widget: the widget the edit was made in
 * @store: the workshop file
 * @kind: how to save and read back this kind of row
 * @form: (nullable): the form that shows the row
 * @edited: the row with the organizer's edits
 * @label: the undo step's name, e.g. "Edit “Ce Zhang”"
 * @what: the row's name, for messages
 *
 * Saves @edited as one user action. When someone else changed the row
 * since, nothing is written and a #LecternConflictDialog lets the
 * organizer choose between the two versions.
 */
void
lectern_ui_save_edit (GtkWidget             *widget,
                      LecternStore          *store,
                      const LecternSaveKind *kind,
                      LecternForm           *form,
                      gpointer               edited,
                      const char            *label,
                      const char            *what)
{
  SaveRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LECTERN_IS_STORE (store));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (!form || LECTERN_IS_FORM (form));
  g_return_if_fail (G_IS_OBJECT (edited));

  request = g_new0 (SaveRequest, 1);
  g_set_weak_pointer (&request->widget, widget);
  request->store = g_object_ref (store);
  request->kind = kind;
  request->form = form ? g_object_ref (form) : NULL;
  if (form != NULL && lectern_form_get_object (form) != NULL)
    request->base = lectern_object_copy (lectern_form_get_object (form));
  request->mine = g_object_ref (edited);
  request->label = g_strdup (label);
  request->what = g_strdup (what ? what : "");

  save_request_run (request);
}

/* The text field inside an entry row takes the focus, but libadwaita
 * 1.2 gives it no name: a screen reader would say "text" alone. It is
 * named with the row's title; a password row's button that shows the
 * text is named for what it does.
 */
static void
name_entry_row (GtkWidget  *widget,
                const char *title,
                gboolean    password)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      else if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL && password)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show or Hide the Text"), -1);
      else
        name_entry_row (child, title, password);
    }
}

/**
 * lectern_ui_name_controls:
 * @root: a widget whose template is built
 *
 * Gives the controls under @root the names a screen reader should say
 * where GTK 4.8 and libadwaita 1.2 do not: a button with a mnemonic
 * label is named twice over ("_Publish Publish": the label it was
 * given, underline and all, then the text shown), so it is labelled by
 * its label alone ("Publish"); the text field of an entry row is named
 * with the row's title; a drop-down's button with the drop-down's
 * tooltip. A later gtk_button_set_label() sets the doubled name again:
 * then call lectern_ui_name_button().
 */
/**
 * lectern_ui_name_button:
 * @button: a button, after its label is set
 *
 * A button with a mnemonic label named once, as shown ("Add"), where
 * GTK 4.8 says "_Add Add". Nothing for other buttons.
 *
 * Returns: whether @button has a mnemonic label
 */
gboolean
lectern_ui_name_button (GtkWidget *button)
{
  GtkWidget *label = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;

  if (!GTK_IS_LABEL (label) || !gtk_label_get_use_underline (GTK_LABEL (label)))
    return FALSE;

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return TRUE;
}

/* A combo row shows its value in a list of one item, which a screen
 * reader meets as a list item with no name: the row itself says the
 * value, so that list is hidden from it.
 */
static void
hide_combo_list (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else if (!GTK_IS_POPOVER (child))
        hide_combo_list (child);
    }
}

/* A drop-down's button is named "GtkToggleButton"; it is named with
 * what the drop-down's tooltip says it does.
 */
static void
name_drop_down (GtkWidget  *widget,
                const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      else
        name_drop_down (child, name);
    }
}

void
lectern_ui_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (lectern_ui_name_button (child))
        continue;

      if (GTK_IS_DROP_DOWN (child) && gtk_widget_get_tooltip_text (child) != NULL)
        name_drop_down (child, gtk_widget_get_tooltip_text (child));
      else if (ADW_IS_COMBO_ROW (child))
        hide_combo_list (child);
      else if (ADW_IS_EXPANDER_ROW (child))
        {
          /* an expander row is a list item with no name of its own (its
           * header row, inside it, is named by its title already) */
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), -1);
          lectern_ui_name_controls (child);
        }
      else if (ADW_IS_ENTRY_ROW (child))
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          g_autoptr(GString) plain = g_string_new (title);

          if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (child)))
            g_string_replace (plain, "_", "", 1);
          name_entry_row (child, plain->str, ADW_IS_PASSWORD_ENTRY_ROW (child));
        }
      else
        lectern_ui_name_controls (child);
    }
}

void
lectern_ui_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* A row of a dialog's list: a file, a problem, a step (@icon_name and
 * @css_class may be NULL); its text is shown as it is, never as markup.
 */
GtkWidget *
lectern_ui_message_row_new (const char *icon_name,
                            const char *title,
                            const char *subtitle,
                            const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (css_class != NULL)
        gtk_widget_add_css_class (icon, css_class);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

/* @list shows only a row saying @title, with a spinning spinner */
void
lectern_ui_list_box_show_busy (GtkListBox *list,
                               const char *title)
{
  GtkWidget *row = lectern_ui_message_row_new (NULL, title, NULL, NULL);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  lectern_ui_list_box_clear (list);
  gtk_list_box_append (list, row);
}

/* What this machine keeps per workshop file (the site folder, where it
 * is published): a settings key holding a dictionary keyed by the
 * file's path. NULL if there is none of @type.
 */
GVariant *
lectern_ui_lookup_per_workshop (const char         *key,
                                const char         *workshop_path,
                                const GVariantType *type)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GVariant) map = g_settings_get_value (settings, key);

  g_return_val_if_fail (workshop_path != NULL, NULL);

  return g_variant_lookup_value (map, workshop_path, type);
}

void
lectern_ui_remember_per_workshop (const char *key,
                                  const char *workshop_path,
                                  GVariant   *value)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GVariant) map = g_settings_get_value (settings, key);
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);
  GVariantBuilder builder;

  g_return_if_fail (workshop_path != NULL);

  g_variant_builder_init (&builder, g_variant_get_type (map));
  for (gsize i = 0; i < g_variant_n_children (map); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (map, i);
      g_autoptr(GVariant) path = g_variant_get_child_value (entry, 0);

      if (g_strcmp0 (g_variant_get_string (path, NULL), workshop_path) != 0)
        g_variant_builder_add_value (&builder, entry);
    }
  g_variant_builder_add_value (&builder, g_variant_new_dict_entry (g_variant_new_string (workshop_path), sunk));

  g_settings_set_value (settings, key, g_variant_builder_end (&builder));
}

/* The first scrolled window under @root (an editor's preferences page)
 * back at its top: a newly shown person starts with their name and
 * photo in sight. (AdwPreferencesPage has no scroll_to_top before 1.3.)
 */
void
lectern_ui_scroll_to_top (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child))
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
          return;
        }
      lectern_ui_scroll_to_top (child);
    }
}

/* Scrolls the nearest scrolled window around @widget so that all of it
 * is in sight (GTK 4.8 has no scroll-to-focus for a preferences page).
 */
void
lectern_ui_scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  double x, y, value, page;
  int height;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))) == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y))
    return;
  G_GNUC_END_IGNORE_DEPRECATIONS

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  height = gtk_widget_get_height (widget);

  /* the content's own origin moves with the scrolling in a viewport */
  if (GTK_IS_VIEWPORT (content))
    y += value;

  if (y < value)
    gtk_adjustment_set_value (adjustment, y - 12);
  else if (y + height > value + page)
    gtk_adjustment_set_value (adjustment, y + height - page + 12);
}
