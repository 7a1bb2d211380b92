/* lectern-person-editor.c: a person and their cards
 *
 * The detail pane of the speakers, panelists, organizers and people
 * pages. Every field is saved on its own, as one undo step: the text
 * rows through a LecternForm (Enter, the row's apply button, or leaving
 * the row), the invitation status and the role switches at once. A
 * role switch adds the person's card for that role, or hides it
 * (archives it: the card comes back with its place and page name when
 * the role is turned on again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-form.h"
#include "lectern-image-picker.h"
#include "lectern-availability-editor.h"
#include "lectern-enum-types.h"
#include "lectern-person-editor.h"
#include "lectern-site-image.h"
#include "lectern-ui-util.h"

struct _LecternPersonEditor
{
  GtkWidget           parent_instance;

  /* Template Widgets */
  AdwPreferencesPage *page;
  LecternImagePicker *photo_picker;
  AdwEntryRow        *name_row;
  AdwEntryRow        *first_name_row;
  AdwEntryRow        *family_name_row;
  AdwEntryRow        *affiliation_row;
  AdwEntryRow        *homepage_row;
  GtkWidget          *homepage_button;
  AdwPreferencesGroup *card_group;
  AdwActionRow       *position_row;
  AdwEntryRow        *slug_row;
  AdwPreferencesGroup *roles_group;
  AdwActionRow       *speaker_row;
  AdwActionRow       *panelist_row;
  AdwActionRow       *moderator_row;
  AdwActionRow       *organizer_row;
  GtkSwitch          *speaker_switch;
  GtkSwitch          *panelist_switch;
  GtkSwitch          *moderator_switch;
  GtkSwitch          *organizer_switch;
  AdwEntryRow        *email_row;
  GtkWidget          *email_button;
  AdwComboRow        *status_row;
  AdwEntryRow        *notes_row;
  GtkButton          *remove_button;

  /* Owned References */
  LecternStore       *store;
  LecternForm        *form;
  LecternAvailabilityEditor *availability_editor;
  LecternForm        *card_form;
  LecternCard        *cards[LECTERN_N_ROLES];   /* the person's cards, by role */

  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (LecternPersonEditor, lectern_person_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static const char *
status_label (int value)
{
  return lectern_ui_status_label (value);
}

static GParamSpec *properties[N_PROPS];

/* Saving */

static gboolean
save_person (LecternStore  *store,
             gpointer       person,
             GError       **error)
{
  return lectern_store_update_person (store, person, error);
}

static gpointer
fetch_person (LecternStore  *store,
              gint64         id,
              GError       **error)
{
  return lectern_store_get_person (store, id, error);
}

static gboolean
save_card (LecternStore  *store,
           gpointer       card,
           GError       **error)
{
  return lectern_store_update_card (store, card, error);
}

static gpointer
fetch_card (LecternStore  *store,
            gint64         id,
            GError       **error)
{
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, -1, error);
  guint n;

  if (cards == NULL)
    return NULL;

  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      if (lectern_card_get_id (card) == id)
        return g_steal_pointer (&card);
    }

  g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
               _("The card was removed by someone else."));
  return NULL;
}

static const LecternConflictField person_fields[] = {
  { "name", N_("Name") },
  { "first-name", N_("Display First Name") },
  { "family-name", N_("Family Name") },
  { "affiliation", N_("Affiliation") },
  { "homepage", N_("Homepage") },
  { "photo", N_("Photo") },
  { "email", N_("Email") },
  { "status", N_("Invitation") },
  { "notes", N_("Notes") },
};

static const LecternConflictField card_fields[] = {
  { "slug", N_("Page Name on the Website") },
  { "archived", N_("Hidden") },
  { "position", N_("Position") },
};

static LecternConflictField person_fields_translated[G_N_ELEMENTS (person_fields)];
static LecternConflictField card_fields_translated[G_N_ELEMENTS (card_fields)];

static const LecternSaveKind person_kind = {
  save_person, fetch_person, person_fields_translated, G_N_ELEMENTS (person_fields),
};

static const LecternSaveKind card_kind = {
  save_card, fetch_card, card_fields_translated, G_N_ELEMENTS (card_fields),
};

/* Helpers */

static const char *
person_name (LecternPerson *person)
{
  const char *name = person ? lectern_person_get_name (person) : NULL;

  return lectern_ui_is_empty (name) ? _("Unnamed") : name;
}

static GtkSwitch *
role_switch (LecternPersonEditor *self,
             LecternRole          role)
{
  switch (role)
    {
    case LECTERN_ROLE_SPEAKER:
      return self->speaker_switch;
    case LECTERN_ROLE_PANELIST:
      return self->panelist_switch;
    case LECTERN_ROLE_MODERATOR:
      return self->moderator_switch;
    case LECTERN_ROLE_ORGANIZER:
      return self->organizer_switch;
    case LECTERN_N_ROLES:
    default:
      g_assert_not_reached ();
    }
}

static AdwActionRow *
role_row (LecternPersonEditor *self,
          LecternRole          role)
{
  switch (role)
    {
    case LECTERN_ROLE_SPEAKER:
      return self->speaker_row;
    case LECTERN_ROLE_PANELIST:
      return self->panelist_row;
    case LECTERN_ROLE_MODERATOR:
      return self->moderator_row;
    case LECTERN_ROLE_ORGANIZER:
      return self->organizer_row;
    case LECTERN_N_ROLES:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_editable (LecternPersonEditor *self)
{
  return self->store != NULL && !lectern_store_get_read_only (self->store);
}

/* Reads the person's cards again, for the role switches. */
static void
update_roles (LecternPersonEditor *self)
{
  LecternPerson *person = lectern_form_get_object (self->form);
  g_autoptr(GListModel) cards = NULL;

  for (guint i = 0; i < LECTERN_N_ROLES; i++)
    g_clear_object (&self->cards[i]);

  if (person != NULL && self->store != NULL &&
      (cards = lectern_ui_list_all_cards (self->store, NULL)) != NULL)
    {
      guint n = g_list_model_get_n_items (cards);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);
          int role = lectern_card_get_role (card);

          if (lectern_card_get_person_id (card) == lectern_person_get_id (person) &&
              role >= 0 && role < LECTERN_N_ROLES)
            g_set_object (&self->cards[role], card);
        }
    }

  self->updating = TRUE;
  for (LecternRole role = 0; role < LECTERN_N_ROLES; role++)
    {
      LecternCard *card = self->cards[role];
      gboolean active = card != NULL && !lectern_card_get_archived (card);
      g_autofree char *subtitle = NULL;

      if (gtk_switch_get_active (role_switch (self, role)) != active)
        gtk_switch_set_active (role_switch (self, role), active);

      if (card != NULL && lectern_card_get_archived (card))
        /* Translators: %s is the name of a card's page, e.g. "ada_lovelace" */
        subtitle = g_strdup_printf (_("Hidden on the website (page “%s” kept)"),
                                    lectern_card_get_slug (card));
      else if (card != NULL)
        /* Translators: %s is the name of a card's page, e.g. "ada_lovelace" */
        subtitle = g_strdup_printf (_("Page “%s”"), lectern_card_get_slug (card));

      adw_action_row_set_subtitle (role_row (self, role), subtitle ? subtitle : "");
      gtk_widget_set_sensitive (GTK_WIDGET (role_switch (self, role)), is_editable (self));
    }
  self->updating = FALSE;
}

static void
update_person_widgets (LecternPersonEditor *self)
{
  LecternPerson *person = lectern_form_get_object (self->form);
  const char *homepage = person ? lectern_person_get_homepage (person) : NULL;
  const char *email = person ? lectern_person_get_email (person) : NULL;
  guint status = person ? (guint) lectern_person_get_status (person) : 0;

  lectern_image_picker_set_text (self->photo_picker, person_name (person));
  lectern_image_picker_set_image (self->photo_picker, person ? lectern_person_get_photo (person) : NULL);

  self->updating = TRUE;
  if (status < LECTERN_N_STATUSES)
    lectern_ui_combo_row_select_enum (self->status_row, status);
  self->updating = FALSE;

  gtk_widget_set_visible (self->homepage_button, !lectern_ui_is_empty (homepage));
  if (!lectern_ui_is_empty (homepage))
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->homepage_button), "s", homepage);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->homepage_button), "win.open-uri");
    }

  gtk_widget_set_visible (self->email_button, !lectern_ui_is_empty (email));
  if (!lectern_ui_is_empty (email))
    {
      g_autofree char *uri = g_strconcat ("mailto:", email, NULL);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->email_button), "s", uri);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->email_button), "win.open-uri");
    }
}

/* Saves @edited (a copy of the person) as one undo step named @label. */
static void
save (LecternPersonEditor *self,
      LecternPerson       *edited,
      const char          *label)
{
  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &person_kind, self->form, edited,
                        label, person_name (edited));
  update_person_widgets (self);
}

/* Signal callbacks */

static void
form_apply_cb (LecternPersonEditor *self,
               LecternPerson       *edited)
{
  g_autofree char *label = NULL;

  /* Translators: an undo step; %s is a name */
  label = g_strdup_printf (_("Edit “%s”"), person_name (lectern_form_get_object (self->form)));
  save (self, edited, label);
}

static void
card_form_apply_cb (LecternPersonEditor *self,
                    LecternCard         *edited)
{
  g_autofree char *label = NULL;

  /* Translators: an undo step; %s is the name of a card's page */
  label = g_strdup_printf (_("Rename Page “%s”"),
                           lectern_card_get_slug (lectern_form_get_object (self->card_form)));
  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &card_kind, self->card_form, edited,
                        label, lectern_card_get_slug (edited));
}

static void
status_changed_cb (LecternPersonEditor *self)
{
  g_autoptr(LecternPerson) edited = NULL;
  g_autofree char *label = NULL;
  int status = lectern_ui_combo_row_get_enum (self->status_row);

  if (self->updating || self->form == NULL || lectern_form_get_object (self->form) == NULL ||
      status < 0 || status >= LECTERN_N_STATUSES ||
      status == (int) lectern_person_get_status (lectern_form_get_object (self->form)))
    return;

  edited = lectern_form_dup_edited (self->form);
  lectern_person_set_status (edited, status);

  /* Translators: an undo step; %s is a name */
  label = g_strdup_printf (_("Change Invitation of “%s”"), person_name (edited));
  save (self, edited, label);
}

static void
photo_chosen_cb (LecternPersonEditor *self,
                 GBytes              *photo)
{
  g_autoptr(LecternPerson) edited = NULL;
  g_autofree char *label = NULL;

  if (lectern_form_get_object (self->form) == NULL || !is_editable (self))
    return;

  edited = lectern_form_dup_edited (self->form);
  lectern_person_set_photo (edited, photo);

  if (photo != NULL)
    /* Translators: an undo step; %s is a name */
    label = g_strdup_printf (_("Change Photo of “%s”"), person_name (edited));
  else
    /* Translators: an undo step; %s is a name */
    label = g_strdup_printf (_("Remove Photo of “%s”"), person_name (edited));

  save (self, edited, label);
}

/* A role turned on adds the person's card, or shows it again; turned
 * off, it hides the card.
 */
static void
set_role (LecternPersonEditor *self,
          LecternRole          role,
          gboolean             active)
{
  LecternPerson *person = lectern_form_get_object (self->form);
  LecternCard *card = self->cards[role];
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  if (person == NULL || !is_editable (self))
    return;

  if (active)
    /* Translators: an undo step; a name, then a list, e.g. "Speakers" */
    label = g_strdup_printf (_("Add “%s” to %s"), person_name (person), lectern_role_get_list_name (role));
  else
    /* Translators: an undo step; a name, then a list, e.g. "Speakers" */
    label = g_strdup_printf (_("Hide “%s” from %s"), person_name (person), lectern_role_get_list_name (role));

  ok = lectern_store_set_role (self->store, person, role, card, active, label, &error);

  if (!ok)
    lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Change the Role"), error);

  update_roles (self);
  lectern_ui_reload_window (GTK_WIDGET (self));
}

static void
role_switch_cb (LecternPersonEditor *self,
                GParamSpec          *pspec,
                GtkSwitch           *sw)
{
  if (self->updating)
    return;

  for (LecternRole role = 0; role < LECTERN_N_ROLES; role++)
    {
      if (role_switch (self, role) == sw)
        set_role (self, role, gtk_switch_get_active (sw));
    }
}

/* GObject overrides */

static void
lectern_person_editor_dispose (GObject *object)
{
  LecternPersonEditor *self = LECTERN_PERSON_EDITOR (object);
  GtkWidget *child;

  /* First: the rows must not save while they are taken down. */
  g_clear_object (&self->form);
  g_clear_object (&self->card_form);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_PERSON_EDITOR);
  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint i = 0; i < LECTERN_N_ROLES; i++)
    g_clear_object (&self->cards[i]);
  g_clear_object (&self->form);
  g_clear_object (&self->card_form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_person_editor_parent_class)->dispose (object);
}

static void
lectern_person_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LecternPersonEditor *self = LECTERN_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_person_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LecternPersonEditor *self = LECTERN_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lectern_person_editor_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_person_editor_class_init (LecternPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_person_editor_dispose;
  object_class->get_property = lectern_person_editor_get_property;
  object_class->set_property = lectern_person_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LECTERN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    {
      person_fields_translated[i].property = person_fields[i].property;
      person_fields_translated[i].label = g_dgettext (GETTEXT_PACKAGE, person_fields[i].label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (card_fields); i++)
    {
      card_fields_translated[i].property = card_fields[i].property;
      card_fields_translated[i].label = g_dgettext (GETTEXT_PACKAGE, card_fields[i].label);
    }

  g_type_ensure (LECTERN_TYPE_IMAGE_PICKER);

  g_type_ensure (LECTERN_TYPE_AVAILABILITY_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/lectern-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, availability_editor);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, photo_picker);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, affiliation_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, homepage_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, homepage_button);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, card_group);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, slug_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, roles_group);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, panelist_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, moderator_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, organizer_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, speaker_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, panelist_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, moderator_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, organizer_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, email_button);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPersonEditor, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, photo_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_switch_cb);
}

static void
lectern_person_editor_init (LecternPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_ui_name_controls (GTK_WIDGET (self));

  lectern_image_picker_set_labels (self->photo_picker,
                                   _("Choose a Photo"),
                                   _("Choose _Photo…"),
                                   _("Remove Photo"),
                                   _("Or drop an image file here. The website shows the square in the "
                                     "middle, and needs at least 400 pixels on the short side."));
  lectern_image_picker_set_min_size (self->photo_picker, LECTERN_SITE_IMAGE_MIN_SIZE);
  lectern_image_picker_add_drop_target (self->photo_picker, GTK_WIDGET (self));

  self->form = lectern_form_new ();
  lectern_form_add_entry (self->form, self->name_row, "name", LECTERN_FIELD_REQUIRED);
  lectern_form_add_entry (self->form, self->first_name_row, "first-name", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->family_name_row, "family-name", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->affiliation_row, "affiliation", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->homepage_row, "homepage", LECTERN_FIELD_URL);
  lectern_form_add_entry (self->form, self->email_row, "email", LECTERN_FIELD_EMAIL);
  lectern_form_add_entry (self->form, self->notes_row, "notes", LECTERN_FIELD_TEXT);
  g_signal_connect_object (self->form, "apply", G_CALLBACK (form_apply_cb), self,
                           G_CONNECT_SWAPPED);

  self->card_form = lectern_form_new ();
  lectern_form_add_entry (self->card_form, self->slug_row, "slug", LECTERN_FIELD_SLUG);
  g_signal_connect_object (self->card_form, "apply", G_CALLBACK (card_form_apply_cb), self,
                           G_CONNECT_SWAPPED);

  /* After the forms: the combo row reports its first selection. */
  lectern_ui_combo_row_set_enum (self->status_row, LECTERN_TYPE_STATUS, status_label);

  gtk_widget_set_visible (GTK_WIDGET (self->card_group), FALSE);
}

/* Public API */

GtkWidget *
lectern_person_editor_new (void)
{
  return g_object_new (LECTERN_TYPE_PERSON_EDITOR, NULL);
}

LecternStore *
lectern_person_editor_get_store (LecternPersonEditor *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON_EDITOR (self), NULL);

  return self->store;
}

void
lectern_person_editor_set_store (LecternPersonEditor *self,
                                 LecternStore        *store)
{
  g_return_if_fail (LECTERN_IS_PERSON_EDITOR (self));
  g_return_if_fail (!store || LECTERN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  lectern_form_set_editable (self->form, is_editable (self));
  lectern_form_set_editable (self->card_form, is_editable (self));
  lectern_image_picker_set_editable (self->photo_picker, is_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), is_editable (self));
  lectern_availability_editor_set_person (self->availability_editor, store, lectern_form_get_object (self->form));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lectern_person_editor_set_item:
 * @self: a #LecternPersonEditor
 * @person: (nullable): the person, as read from the file
 * @card: (nullable): the card the person was chosen by, on the cards pages
 *
 * Shows @person. What the organizer typed for the person shown before is
 * saved first; for the same person read again, see lectern_form_set_object().
 */
void
lectern_person_editor_set_item (LecternPersonEditor *self,
                                LecternPerson       *person,
                                LecternCard         *card)
{
  g_return_if_fail (LECTERN_IS_PERSON_EDITOR (self));
  g_return_if_fail (!person || LECTERN_IS_PERSON (person));
  g_return_if_fail (!card || LECTERN_IS_CARD (card));

  lectern_form_set_object (self->form, person);
  lectern_form_set_object (self->card_form, card);
  gtk_widget_set_visible (GTK_WIDGET (self->card_group), card != NULL);
  lectern_availability_editor_set_person (self->availability_editor, self->store, person);

  update_person_widgets (self);
  update_roles (self);
}

/**
 * lectern_person_editor_get_person:
 *
 * Returns: (transfer none) (nullable): the person shown, as last saved
 *   or read
 */
LecternPerson *
lectern_person_editor_get_person (LecternPersonEditor *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON_EDITOR (self), NULL);

  return lectern_form_get_object (self->form);
}

void
lectern_person_editor_set_position (LecternPersonEditor *self,
                                    guint                position,
                                    guint                n_positions)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (LECTERN_IS_PERSON_EDITOR (self));

  /* Translators: a position in a list, e.g. "3 of 7" */
  subtitle = g_strdup_printf (_("%u of %u"), position + 1, n_positions);
  adw_action_row_set_subtitle (self->position_row, subtitle);
}

void
lectern_person_editor_set_remove_label (LecternPersonEditor *self,
                                        const char          *label)
{
  g_return_if_fail (LECTERN_IS_PERSON_EDITOR (self));

  gtk_button_set_label (self->remove_button, label);
}

/* Saves what was typed and not yet saved. */
void
lectern_person_editor_flush (LecternPersonEditor *self)
{
  g_return_if_fail (LECTERN_IS_PERSON_EDITOR (self));

  lectern_form_flush (self->form);
  lectern_form_flush (self->card_form);
}

/**
 * lectern_person_editor_focus_field:
 * @field: "photo", "affiliation" or "homepage"
 *
 * Puts the keyboard at a field, scrolled into sight: where a warning
 * that it is missing leads.
 */
void
lectern_person_editor_focus_field (LecternPersonEditor *self,
                                   const char          *field)
{
  GtkWidget *target = NULL;

  g_return_if_fail (LECTERN_IS_PERSON_EDITOR (self));

  if (g_strcmp0 (field, "photo") == 0)
    {
      lectern_ui_scroll_to_top (GTK_WIDGET (self));
      lectern_image_picker_focus (self->photo_picker);
      return;
    }

  if (g_strcmp0 (field, "affiliation") == 0)
    target = GTK_WIDGET (self->affiliation_row);
  else if (g_strcmp0 (field, "homepage") == 0)
    target = GTK_WIDGET (self->homepage_row);

  if (target != NULL)
    {
      gtk_widget_grab_focus (target);
      lectern_ui_scroll_into_view (target);
    }
}
