/* lectern-conflict-dialog.c: both versions of a row changed by someone else
 *
 * When saving an edit meets a row that another organizer changed since
 * it was shown, nothing is written. This dialog shows the two versions
 * side by side, field by field where they differ, and lets the
 * organizer choose: "Keep Mine" writes theirs over with what the
 * organizer typed, "Use Theirs" shows the file's version. The owner does
 * either on ::response; the dialog only shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-conflict-dialog.h"
#include "lectern-form.h"
#include "lectern-ui-util.h"

struct _LecternConflictDialog
{
  AdwMessageDialog  parent_instance;

  /* Template Widgets */
  GtkGrid          *grid;

  /* Owned References */
  GObject          *theirs;
  GObject          *mine;
  guint             n_differences;
};

G_DEFINE_FINAL_TYPE (LecternConflictDialog, lectern_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* How a value reads in the dialog. */
static char *
describe_value (GObject    *object,
                const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec->value_type == G_TYPE_BYTES)
    {
      g_autoptr(GBytes) bytes = NULL;

      g_object_get (object, property, &bytes, NULL);
      return g_strdup (bytes != NULL ? _("An image") : _("No image"));
    }

  if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      int value = 0;
      const char *label;

      g_object_get (object, property, &value, NULL);
      label = lectern_ui_enum_label (pspec->value_type, value);
      if (label != NULL)
        return g_strdup (label);
    }

  return lectern_object_dup_value (object, property);
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text[0] != '\0' ? text : _("Empty"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (text[0] == '\0')
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
lectern_conflict_dialog_dispose (GObject *object)
{
  LecternConflictDialog *self = LECTERN_CONFLICT_DIALOG (object);

  g_clear_object (&self->theirs);
  g_clear_object (&self->mine);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_CONFLICT_DIALOG);

  G_OBJECT_CLASS (lectern_conflict_dialog_parent_class)->dispose (object);
}

static void
lectern_conflict_dialog_class_init (LecternConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_conflict_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/lectern-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternConflictDialog, grid);
}

static void
lectern_conflict_dialog_init (LecternConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lectern_conflict_dialog_new:
 * @parent: (nullable): the window
 * @what: the name of the row, e.g. "Ce Zhang"
 * @theirs: the row as it is in the file now
 * @mine: the row as the organizer edited it
 * @fields: the fields to compare
 * @n_fields: the length of @fields
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
GtkWidget *
lectern_conflict_dialog_new (GtkWindow                  *parent,
                             const char                 *what,
                             gpointer                    theirs,
                             gpointer                    mine,
                             const LecternConflictField *fields,
                             guint                       n_fields)
{
  LecternConflictDialog *self;
  g_autofree char *body = NULL;
  int row = 1;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_OBJECT (theirs), NULL);
  g_return_val_if_fail (G_IS_OBJECT (mine), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (theirs) == G_OBJECT_TYPE (mine), NULL);

  self = g_object_new (LECTERN_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->theirs = g_object_ref (theirs);
  self->mine = g_object_ref (mine);

  /* Translators: %s is a name, e.g. of a speaker */
  body = g_strdup_printf (_("Another organizer changed “%s” while you were editing it. "
                            "Nothing has been overwritten: choose the version to keep."),
                          what);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *their_value = NULL;
      g_autofree char *my_value = NULL;
      GtkWidget *label;

      if (lectern_object_values_equal (theirs, mine, fields[i].property))
        continue;

      their_value = describe_value (theirs, fields[i].property);
      my_value = describe_value (mine, fields[i].property);

      label = gtk_label_new (fields[i].label);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->grid, value_label (their_value), 1, row, 1, 1);
      gtk_grid_attach (self->grid, value_label (my_value), 2, row, 1, 1);

      row++;
      self->n_differences++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->grid), self->n_differences > 0);

  return GTK_WIDGET (self);
}

/**
 * lectern_conflict_dialog_get_theirs:
 *
 * Returns: (transfer none): the row as it is in the file
 */
gpointer
lectern_conflict_dialog_get_theirs (LecternConflictDialog *self)
{
  g_return_val_if_fail (LECTERN_IS_CONFLICT_DIALOG (self), NULL);

  return self->theirs;
}

/**
 * lectern_conflict_dialog_get_mine:
 *
 * Returns: (transfer none): the row as the organizer edited it
 */
gpointer
lectern_conflict_dialog_get_mine (LecternConflictDialog *self)
{
  g_return_val_if_fail (LECTERN_IS_CONFLICT_DIALOG (self), NULL);

  return self->mine;
}

guint
lectern_conflict_dialog_get_n_differences (LecternConflictDialog *self)
{
  g_return_val_if_fail (LECTERN_IS_CONFLICT_DIALOG (self), 0);

  return self->n_differences;
}
