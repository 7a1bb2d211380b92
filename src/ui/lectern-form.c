/* lectern-form.c: entry rows bound to the fields of one model object
 *
 * A form shows one version of a person, sponsor or the event (its
 * "object", as read from the file) in AdwEntryRows, one row per string
 * property. What the organizer types is checked as typed: a row whose
 * text would be refused is marked with the "error" style class and is
 * never saved. A change is handed to the owner, through ::apply, when the
 * organizer presses Enter or the row's apply button, or leaves the row:
 * there is no Save button.
 *
 * When the file changes while the organizer types, the form takes the
 * new version only if nobody else changed a field the organizer is
 * editing (a three-way merge, field by field). Otherwise it keeps the
 * version the edit started from, so that saving the edit meets the
 * changed row as a conflict, and the organizer gets to choose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-form"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cfp-deadline.h"
#include "lectern-form.h"
#include "lectern-store.h"
#include "lectern-types.h"
#include "lectern-validate.h"
#include "lectern-ui-util.h"

typedef struct
{
  LecternForm        *form;
  AdwEntryRow        *row;
  GtkEventController *focus;
  GtkWidget          *hint_label;  /* why the text is refused, in the row */
  GtkWidget          *fix_button;  /* the obvious fix ("Add https://"), if any */
  char               *property;
  LecternFieldKind    kind;
} Field;

struct _LecternForm
{
  GObject    parent_instance;

  GPtrArray *fields;
  GObject   *object;
  guint      updating : 1;
  guint      flushing : 1;
};

G_DEFINE_FINAL_TYPE (LecternForm, lectern_form, G_TYPE_OBJECT)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Generic helpers over the properties of a model object */



/* The value of @property as text; "" for nothing. */
char *
lectern_object_dup_value (gpointer    object,
                          const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");

  g_value_init (&text, G_TYPE_STRING);
  if (g_value_transform (&value, &text) && g_value_get_string (&text) != NULL)
    return g_strdup (g_value_get_string (&text));

  return g_strdup ("");
}


/* Fields */

static void
field_free (gpointer data)
{
  Field *field = data;

  /* The rows may outlive the form: they must not call into it. */
  g_signal_handlers_disconnect_by_data (field->row, field);
  g_signal_handlers_disconnect_by_data (field->focus, field);
  if (field->fix_button != NULL)
    g_signal_handlers_disconnect_by_data (field->fix_button, field);
  g_clear_object (&field->focus);
  g_clear_object (&field->row);
  g_free (field->property);
  g_free (field);
}

static const char *
field_get_text (Field *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (field->row));
}

static char *
field_dup_value (Field   *field,
                 GObject *object)
{
  if (object == NULL)
    return g_strdup ("");

  return lectern_object_dup_value (object, field->property);
}

static gboolean
field_is_valid (Field      *field,
                const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  switch (field->kind)
    {
    case LECTERN_FIELD_TEXT:
      return TRUE;
    case LECTERN_FIELD_REQUIRED:
      return stripped[0] != '\0';
    case LECTERN_FIELD_URL:
      return lectern_ui_url_is_valid (stripped);
    case LECTERN_FIELD_EMAIL:
      return lectern_ui_email_is_valid (stripped);
    case LECTERN_FIELD_DATE:
      return lectern_ui_date_is_valid (stripped);
    case LECTERN_FIELD_TIMEZONE:
      return lectern_ui_timezone_is_valid (stripped);
    case LECTERN_FIELD_SLUG:
      return lectern_slug_is_valid (stripped);
    case LECTERN_FIELD_FOLDER:
      return lectern_validate_site_folder (stripped);
    case LECTERN_FIELD_TIME:
      return lectern_validate_time (stripped);
    case LECTERN_FIELD_DEADLINE_ZONE:
      return lectern_cfp_zone_is_valid (stripped);
    default:
      g_assert_not_reached ();
    }
}

static const char *
field_get_hint (Field *field)
{
  switch (field->kind)
    {
    case LECTERN_FIELD_REQUIRED:
      return _("This cannot be empty");
    case LECTERN_FIELD_URL:
      return _("Enter a web address such as https://example.org");
    case LECTERN_FIELD_EMAIL:
      return _("Enter an email address such as name@example.org");
    case LECTERN_FIELD_DATE:
      return _("Enter a date as YYYY-MM-DD, such as 2023-07-29");
    case LECTERN_FIELD_TIMEZONE:
      return _("Enter a time zone such as Pacific/Honolulu or Europe/Vienna");
    case LECTERN_FIELD_SLUG:
      return _("Use lowercase letters, digits, “_” and “-”, such as ada_lovelace");
    case LECTERN_FIELD_FOLDER:
      return _("Enter a folder inside the site, such as assets/schedule, or leave it empty");
    case LECTERN_FIELD_TIME:
      return _("Enter a time as HH:MM on a 24-hour clock, such as 23:59");
    case LECTERN_FIELD_DEADLINE_ZONE:
      return _("Enter UTC, AoE (anywhere on Earth) or a time zone such as America/Vancouver");
    case LECTERN_FIELD_TEXT:
    default:
      return NULL;
    }
}

static gboolean
field_is_dirty (Field *field)
{
  g_autofree char *value = field_dup_value (field, field->form->object);

  return g_strcmp0 (field_get_text (field), value) != 0;
}

static void
field_set_text (Field      *field,
                const char *text)
{
  gboolean updating = field->form->updating;

  field->form->updating = TRUE;
  if (g_strcmp0 (field_get_text (field), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (field->row), text);
  field->form->updating = updating;
}

static void field_settle (Field *field);

/* Marks the row as valid or not, for the eye and for screen readers. */
static void
field_update_validity (Field *field)
{
  GtkWidget *row = GTK_WIDGET (field->row);
  gboolean valid = field_is_valid (field, field_get_text (field));

  g_autofree char *fix = NULL;

  if (!valid && field->kind == LECTERN_FIELD_URL)
    fix = lectern_validate_suggest_url (field_get_text (field));

  /* the reason where one looks, in the row (not a hover tooltip), and
   * the obvious fix beside it */
  gtk_label_set_text (GTK_LABEL (field->hint_label), valid ? "" : field_get_hint (field));
  gtk_widget_set_visible (field->hint_label, !valid);
  gtk_widget_set_visible (field->fix_button, fix != NULL);

  if (valid)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  else
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field_get_hint (field),
                                      -1);
    }
}

/* "Add https://": the text with its scheme, saved */
static void
fix_clicked_cb (Field *field)
{
  g_autofree char *fix = lectern_validate_suggest_url (field_get_text (field));

  if (fix == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (field->row), fix);
  lectern_form_flush (field->form);
  field_settle (field);
  gtk_widget_grab_focus (GTK_WIDGET (field->row));
}

/* Hides the row's apply button: the text is saved, or given up. */
static void
field_settle (Field *field)
{
  if (adw_entry_row_get_show_apply_button (field->row))
    {
      adw_entry_row_set_show_apply_button (field->row, FALSE);
      adw_entry_row_set_show_apply_button (field->row, TRUE);
    }
}

static void
row_changed_cb (Field *field)
{
  if (field->form->updating)
    return;

  field_update_validity (field);
}

static void
row_apply_cb (Field *field)
{
  lectern_form_flush (field->form);
}

static void
row_focus_leave_cb (GtkEventControllerFocus *controller,
                    Field                   *field)
{
  /* Leaving a row saves what was typed, as Enter does. A row whose
   * text would be refused keeps it, marked, until it is fixed.
   */
  if (field_is_dirty (field) && field_is_valid (field, field_get_text (field)))
    {
      lectern_form_flush (field->form);
      field_settle (field);
    }
}

/* GObject overrides */

static void
lectern_form_dispose (GObject *object)
{
  LecternForm *self = LECTERN_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (lectern_form_parent_class)->dispose (object);
}

static void
lectern_form_class_init (LecternFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_form_dispose;

  /**
   * LecternForm::apply:
   * @form: the form
   * @edited: a copy of the form's object with the edits in it
   *
   * The organizer asked to save what they typed. The handler saves
   * @edited, and on success gives it back with lectern_form_set_object().
   */
  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
lectern_form_init (LecternForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
}

/* Public API */

LecternForm *
lectern_form_new (void)
{
  return g_object_new (LECTERN_TYPE_FORM, NULL);
}

/**
 * lectern_form_add_entry:
 * @self: a #LecternForm
 * @row: the row that shows and edits @property
 * @property: a string property of the form's objects
 * @kind: what the row accepts
 */
void
lectern_form_add_entry (LecternForm      *self,
                        AdwEntryRow      *row,
                        const char       *property,
                        LecternFieldKind  kind)
{
  GtkEventController *focus;
  Field *field;

  g_return_if_fail (LECTERN_IS_FORM (self));
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (property != NULL);

  field = g_new0 (Field, 1);
  field->form = self;
  field->row = g_object_ref (row);
  field->property = g_strdup (property);
  field->kind = kind;
  g_ptr_array_add (self->fields, field);

  adw_entry_row_set_show_apply_button (row, TRUE);

  field->hint_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (field->hint_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (field->hint_label), 26);
  gtk_label_set_xalign (GTK_LABEL (field->hint_label), 1);
  gtk_widget_add_css_class (field->hint_label, "caption");
  gtk_widget_add_css_class (field->hint_label, "error");
  gtk_widget_set_visible (field->hint_label, FALSE);
  adw_entry_row_add_suffix (row, field->hint_label);

  field->fix_button = gtk_button_new_with_label (_("Add https://"));
  gtk_widget_set_valign (field->fix_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (field->fix_button, _("Put https:// in front of the address"));
  gtk_widget_set_visible (field->fix_button, FALSE);
  g_signal_connect_swapped (field->fix_button, "clicked", G_CALLBACK (fix_clicked_cb), field);
  adw_entry_row_add_suffix (row, field->fix_button);

  g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), field);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (row_apply_cb), field);

  focus = gtk_event_controller_focus_new ();
  field->focus = g_object_ref (focus);
  g_signal_connect (focus, "leave", G_CALLBACK (row_focus_leave_cb), field);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

/**
 * lectern_form_get_object:
 *
 * Returns: (transfer none) (nullable): the version of the object the
 *   form's edits start from
 */
gpointer
lectern_form_get_object (LecternForm *self)
{
  g_return_val_if_fail (LECTERN_IS_FORM (self), NULL);

  return self->object;
}

/**
 * lectern_form_reset:
 * @self: a #LecternForm
 * @object: (nullable): the object to show
 *
 * Shows @object, dropping whatever the organizer typed.
 */
void
lectern_form_reset (LecternForm *self,
                    gpointer     object)
{
  g_return_if_fail (LECTERN_IS_FORM (self));
  g_return_if_fail (!object || G_IS_OBJECT (object));

  g_clear_object (&self->object);
  if (object != NULL)
    self->object = lectern_object_copy (object);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *value = field_dup_value (field, self->object);

      field_set_text (field, value);
      field_update_validity (field);
      field_settle (field);
    }
}

/**
 * lectern_form_set_object:
 * @self: a #LecternForm
 * @object: (nullable): the object as it is in the file now
 *
 * Shows @object. For another object than the one shown, pending edits
 * are saved first. For a newer version of the same object, the fields
 * the organizer is editing keep their text, unless someone else changed
 * one of them: then the form keeps the old version (see the top of the
 * file).
 */
void
lectern_form_set_object (LecternForm *self,
                         gpointer     object)
{
  g_autoptr(GPtrArray) updates = NULL;

  g_return_if_fail (LECTERN_IS_FORM (self));
  g_return_if_fail (!object || G_IS_OBJECT (object));

  if (self->object == NULL || object == NULL ||
      G_OBJECT_TYPE (self->object) != G_OBJECT_TYPE (object) ||
      lectern_object_get_id (self->object) != lectern_object_get_id (object))
    {
      if (self->object != NULL && !self->flushing)
        lectern_form_flush (self);
      lectern_form_reset (self, object);
      return;
    }

  updates = g_ptr_array_new ();

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *old_value = field_dup_value (field, self->object);
      g_autofree char *new_value = field_dup_value (field, object);
      const char *text = field_get_text (field);

      if (g_strcmp0 (text, new_value) == 0)
        continue;

      if (g_strcmp0 (text, old_value) == 0)
        g_ptr_array_add (updates, field);
      else if (g_strcmp0 (old_value, new_value) != 0)
        return;   /* someone else changed what the organizer is editing */
    }

  g_clear_object (&self->object);
  self->object = lectern_object_copy (object);

  for (guint i = 0; i < updates->len; i++)
    {
      Field *field = g_ptr_array_index (updates, i);
      g_autofree char *value = field_dup_value (field, self->object);

      field_set_text (field, value);
      field_update_validity (field);
    }
}

/* Does any row show something else than the form's object? */
gboolean
lectern_form_is_dirty (LecternForm *self)
{
  g_return_val_if_fail (LECTERN_IS_FORM (self), FALSE);

  if (self->object == NULL)
    return FALSE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      if (field_is_dirty (g_ptr_array_index (self->fields, i)))
        return TRUE;
    }

  return FALSE;
}

/**
 * lectern_form_dup_edited:
 *
 * Returns: (transfer full) (nullable): a copy of the form's object with
 *   every edit that would be accepted in it
 */
gpointer
lectern_form_dup_edited (LecternForm *self)
{
  GObject *edited;

  g_return_val_if_fail (LECTERN_IS_FORM (self), NULL);

  if (self->object == NULL)
    return NULL;

  edited = lectern_object_copy (self->object);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *stripped = g_strstrip (g_strdup (field_get_text (field)));

      if (field_is_dirty (field) && field_is_valid (field, stripped))
        g_object_set (edited, field->property, stripped, NULL);
    }

  return edited;
}

/**
 * lectern_form_flush:
 * @self: a #LecternForm
 *
 * Emits ::apply with the edits that would be accepted, if there are any.
 * Spaces around what was typed are dropped.
 */
void
lectern_form_flush (LecternForm *self)
{
  g_autoptr(GObject) edited = NULL;
  gboolean any = FALSE;

  g_return_if_fail (LECTERN_IS_FORM (self));

  if (self->object == NULL || self->flushing)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *stripped = g_strstrip (g_strdup (field_get_text (field)));

      if (!field_is_dirty (field) || !field_is_valid (field, stripped))
        continue;

      if (g_strcmp0 (stripped, field_get_text (field)) != 0)
        field_set_text (field, stripped);

      any = any || field_is_dirty (field);
    }

  if (!any)
    return;

  edited = lectern_form_dup_edited (self);

  self->flushing = TRUE;
  g_signal_emit (self, signals[APPLY], 0, edited);
  self->flushing = FALSE;
}

void
lectern_form_set_editable (LecternForm *self,
                           gboolean     editable)
{
  g_return_if_fail (LECTERN_IS_FORM (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_editable_set_editable (GTK_EDITABLE (field->row), editable);
    }
}
