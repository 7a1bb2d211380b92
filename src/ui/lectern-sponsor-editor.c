/* lectern-sponsor-editor.c: a sponsor
 *
 * The detail pane of the sponsors page. As in the person editor, every
 * field is saved on its own, as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-sponsor-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-form.h"
#include "lectern-image-picker.h"
#include "lectern-sponsor-editor.h"
#include "lectern-ui-util.h"

struct _LecternSponsorEditor
{
  GtkWidget           parent_instance;

  /* Template Widgets */
  AdwPreferencesPage *page;
  LecternImagePicker *logo_picker;
  AdwEntryRow        *name_row;
  AdwEntryRow        *url_row;
  GtkWidget          *url_button;
  AdwEntryRow        *tier_row;
  GtkSwitch          *shown_switch;
  AdwActionRow       *position_row;
  AdwEntryRow        *slug_row;

  /* Owned References */
  LecternStore       *store;
  LecternForm        *form;

  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (LecternSponsorEditor, lectern_sponsor_editor, GTK_TYPE_WIDGET)

static gboolean
save_sponsor (LecternStore  *store,
              gpointer       sponsor,
              GError       **error)
{
  return lectern_store_update_sponsor (store, sponsor, error);
}

static gpointer
fetch_sponsor (LecternStore  *store,
               gint64         id,
               GError       **error)
{
  return lectern_store_get_sponsor (store, id, error);
}

static const LecternConflictField sponsor_fields[] = {
  { "name", N_("Name") },
  { "url", N_("Website") },
  { "tier", N_("Tier") },
  { "logo", N_("Logo") },
  { "slug", N_("Page Name on the Website") },
  { "archived", N_("Hidden") },
  { "position", N_("Position") },
};

static LecternConflictField sponsor_fields_translated[G_N_ELEMENTS (sponsor_fields)];

static const LecternSaveKind sponsor_kind = {
  save_sponsor, fetch_sponsor, sponsor_fields_translated, G_N_ELEMENTS (sponsor_fields),
};

static const char *
sponsor_name (LecternSponsor *sponsor)
{
  const char *name = sponsor ? lectern_sponsor_get_name (sponsor) : NULL;

  return lectern_ui_is_empty (name) ? _("Unnamed") : name;
}

static gboolean
is_editable (LecternSponsorEditor *self)
{
  return self->store != NULL && !lectern_store_get_read_only (self->store);
}

static void
update_widgets (LecternSponsorEditor *self)
{
  LecternSponsor *sponsor = lectern_form_get_object (self->form);
  const char *url = sponsor ? lectern_sponsor_get_url (sponsor) : NULL;
  gboolean shown = sponsor != NULL && !lectern_sponsor_get_archived (sponsor);

  lectern_image_picker_set_text (self->logo_picker, sponsor_name (sponsor));
  lectern_image_picker_set_image (self->logo_picker, sponsor ? lectern_sponsor_get_logo (sponsor) : NULL);

  self->updating = TRUE;
  if (gtk_switch_get_active (self->shown_switch) != shown)
    gtk_switch_set_active (self->shown_switch, shown);
  self->updating = FALSE;

  gtk_widget_set_visible (self->url_button, !lectern_ui_is_empty (url));
  if (!lectern_ui_is_empty (url))
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->url_button), "s", url);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->url_button), "win.open-uri");
    }
}

static void
save (LecternSponsorEditor *self,
      LecternSponsor       *edited,
      const char           *label)
{
  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &sponsor_kind, self->form, edited,
                        label, sponsor_name (edited));
  update_widgets (self);
}

/* Signal callbacks */

static void
form_apply_cb (LecternSponsorEditor *self,
               LecternSponsor       *edited)
{
  g_autofree char *label = NULL;

  /* Translators: an undo step; %s is a name */
  label = g_strdup_printf (_("Edit “%s”"), sponsor_name (lectern_form_get_object (self->form)));
  save (self, edited, label);
}

static void
logo_chosen_cb (LecternSponsorEditor *self,
                GBytes               *logo)
{
  g_autoptr(LecternSponsor) edited = NULL;
  g_autofree char *label = NULL;

  if (lectern_form_get_object (self->form) == NULL || !is_editable (self))
    return;

  edited = lectern_form_dup_edited (self->form);
  lectern_sponsor_set_logo (edited, logo);

  if (logo != NULL)
    /* Translators: an undo step; %s is a name */
    label = g_strdup_printf (_("Change Logo of “%s”"), sponsor_name (edited));
  else
    /* Translators: an undo step; %s is a name */
    label = g_strdup_printf (_("Remove Logo of “%s”"), sponsor_name (edited));

  save (self, edited, label);
}

static void
shown_switch_cb (LecternSponsorEditor *self)
{
  g_autoptr(LecternSponsor) edited = NULL;
  g_autofree char *label = NULL;
  gboolean shown = gtk_switch_get_active (self->shown_switch);

  if (self->updating || self->form == NULL || lectern_form_get_object (self->form) == NULL ||
      !is_editable (self))
    return;

  edited = lectern_form_dup_edited (self->form);
  lectern_sponsor_set_archived (edited, !shown);

  if (shown)
    /* Translators: an undo step; %s is a name */
    label = g_strdup_printf (_("Show “%s” on the Website"), sponsor_name (edited));
  else
    /* Translators: an undo step; %s is a name */
    label = g_strdup_printf (_("Hide “%s” from the Website"), sponsor_name (edited));

  save (self, edited, label);
}

/* GObject overrides */

static void
lectern_sponsor_editor_dispose (GObject *object)
{
  LecternSponsorEditor *self = LECTERN_SPONSOR_EDITOR (object);
  GtkWidget *child;

  /* First: the rows must not save while they are taken down. */
  g_clear_object (&self->form);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_SPONSOR_EDITOR);
  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_sponsor_editor_parent_class)->dispose (object);
}

static void
lectern_sponsor_editor_class_init (LecternSponsorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_sponsor_editor_dispose;

  for (guint i = 0; i < G_N_ELEMENTS (sponsor_fields); i++)
    {
      sponsor_fields_translated[i].property = sponsor_fields[i].property;
      sponsor_fields_translated[i].label = g_dgettext (GETTEXT_PACKAGE, sponsor_fields[i].label);
    }

  g_type_ensure (LECTERN_TYPE_IMAGE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/lectern-sponsor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, logo_picker);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, url_button);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, shown_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, LecternSponsorEditor, slug_row);
  gtk_widget_class_bind_template_callback (widget_class, logo_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_switch_cb);
}

static void
lectern_sponsor_editor_init (LecternSponsorEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_ui_name_controls (GTK_WIDGET (self));

  lectern_image_picker_set_labels (self->logo_picker,
                                   _("Choose a Logo"),
                                   _("Choose _Logo…"),
                                   _("Remove Logo"),
                                   _("Or drop an image file here. The website shows the square in the middle."));
  lectern_image_picker_add_drop_target (self->logo_picker, GTK_WIDGET (self));

  self->form = lectern_form_new ();
  lectern_form_add_entry (self->form, self->name_row, "name", LECTERN_FIELD_REQUIRED);
  lectern_form_add_entry (self->form, self->url_row, "url", LECTERN_FIELD_URL);
  lectern_form_add_entry (self->form, self->tier_row, "tier", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->slug_row, "slug", LECTERN_FIELD_SLUG);
  g_signal_connect_object (self->form, "apply", G_CALLBACK (form_apply_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
lectern_sponsor_editor_new (void)
{
  return g_object_new (LECTERN_TYPE_SPONSOR_EDITOR, NULL);
}

void
lectern_sponsor_editor_set_store (LecternSponsorEditor *self,
                                  LecternStore         *store)
{
  g_return_if_fail (LECTERN_IS_SPONSOR_EDITOR (self));
  g_return_if_fail (!store || LECTERN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  lectern_form_set_editable (self->form, is_editable (self));
  lectern_image_picker_set_editable (self->logo_picker, is_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->shown_switch), is_editable (self));
}

void
lectern_sponsor_editor_set_sponsor (LecternSponsorEditor *self,
                                    LecternSponsor       *sponsor)
{
  g_return_if_fail (LECTERN_IS_SPONSOR_EDITOR (self));
  g_return_if_fail (!sponsor || LECTERN_IS_SPONSOR (sponsor));

  lectern_form_set_object (self->form, sponsor);
  update_widgets (self);
}

/**
 * lectern_sponsor_editor_get_sponsor:
 *
 * Returns: (transfer none) (nullable): the sponsor shown, as last saved
 *   or read
 */
LecternSponsor *
lectern_sponsor_editor_get_sponsor (LecternSponsorEditor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR_EDITOR (self), NULL);

  return lectern_form_get_object (self->form);
}

void
lectern_sponsor_editor_set_position (LecternSponsorEditor *self,
                                     guint                 position,
                                     guint                 n_positions)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (LECTERN_IS_SPONSOR_EDITOR (self));

  /* Translators: a position in a list, e.g. "3 of 7" */
  subtitle = g_strdup_printf (_("%u of %u"), position + 1, n_positions);
  adw_action_row_set_subtitle (self->position_row, subtitle);
}

void
lectern_sponsor_editor_flush (LecternSponsorEditor *self)
{
  g_return_if_fail (LECTERN_IS_SPONSOR_EDITOR (self));

  lectern_form_flush (self->form);
}

/* The keyboard at "logo" or "url": where a warning that it is missing leads */
void
lectern_sponsor_editor_focus_field (LecternSponsorEditor *self,
                                    const char           *field)
{
  g_return_if_fail (LECTERN_IS_SPONSOR_EDITOR (self));

  if (g_strcmp0 (field, "logo") == 0)
    {
      lectern_ui_scroll_to_top (GTK_WIDGET (self));
      lectern_image_picker_focus (self->logo_picker);
    }
  else if (g_strcmp0 (field, "url") == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      lectern_ui_scroll_into_view (GTK_WIDGET (self->url_row));
    }
}
