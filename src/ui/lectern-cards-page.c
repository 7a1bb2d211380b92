/* lectern-cards-page.c: speakers, panelists, organizers, or everyone
 *
 * One class for the four people lists. On the speakers, panelists and
 * organizers pages the rows are cards (a person in a role, in the order
 * the site lists them), and they can be reordered; on the people page
 * the rows are people, with or without a card, in alphabetical order.
 * The detail pane is a LecternPersonEditor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cards-page.h"
#include "lectern-form.h"
#include "lectern-person-editor.h"
#include "lectern-ui-util.h"

#define ROLES_KEY "lectern-roles"

struct _LecternCardsPage
{
  LecternListPage       parent_instance;

  LecternCardsPageKind  kind;
  LecternPersonEditor  *editor;
  GHashTable           *photos;   /* "id:rev" → GdkTexture */
};

G_DEFINE_FINAL_TYPE (LecternCardsPage, lectern_cards_page, LECTERN_TYPE_LIST_PAGE)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
lectern_cards_page_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LECTERN_CARDS_PAGE_SPEAKERS, "LECTERN_CARDS_PAGE_SPEAKERS", "speakers" },
        { LECTERN_CARDS_PAGE_PANELISTS, "LECTERN_CARDS_PAGE_PANELISTS", "panelists" },
        { LECTERN_CARDS_PAGE_ORGANIZERS, "LECTERN_CARDS_PAGE_ORGANIZERS", "organizers" },
        { LECTERN_CARDS_PAGE_PEOPLE, "LECTERN_CARDS_PAGE_PEOPLE", "people" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("LecternCardsPageKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* Helpers */

static gboolean
is_people (LecternCardsPage *self)
{
  return self->kind == LECTERN_CARDS_PAGE_PEOPLE;
}

/* The role a new card of this page gets. */
static LecternRole
page_role (LecternCardsPage *self)
{
  switch (self->kind)
    {
    case LECTERN_CARDS_PAGE_SPEAKERS:
      return LECTERN_ROLE_SPEAKER;
    case LECTERN_CARDS_PAGE_PANELISTS:
      return LECTERN_ROLE_PANELIST;
    case LECTERN_CARDS_PAGE_ORGANIZERS:
      return LECTERN_ROLE_ORGANIZER;
    case LECTERN_CARDS_PAGE_PEOPLE:
    default:
      return LECTERN_N_ROLES;
    }
}

static gboolean
shows_role (LecternCardsPage *self,
            int               role)
{
  switch (self->kind)
    {
    case LECTERN_CARDS_PAGE_SPEAKERS:
      return role == LECTERN_ROLE_SPEAKER;
    case LECTERN_CARDS_PAGE_PANELISTS:
      return role == LECTERN_ROLE_PANELIST || role == LECTERN_ROLE_MODERATOR;
    case LECTERN_CARDS_PAGE_ORGANIZERS:
      return role == LECTERN_ROLE_ORGANIZER;
    case LECTERN_CARDS_PAGE_PEOPLE:
    default:
      return FALSE;
    }
}

static const char *
list_name (LecternCardsPage *self)
{
  switch (self->kind)
    {
    case LECTERN_CARDS_PAGE_SPEAKERS:
      return _("Speakers");
    case LECTERN_CARDS_PAGE_PANELISTS:
      return _("Panelists");
    case LECTERN_CARDS_PAGE_ORGANIZERS:
      return _("Organizers");
    case LECTERN_CARDS_PAGE_PEOPLE:
    default:
      return _("People");
    }
}

static LecternPerson *
item_person (gpointer item)
{
  if (LECTERN_IS_CARD (item))
    return lectern_card_get_person (item);

  return LECTERN_PERSON (item);
}

static const char *
person_name (LecternPerson *person)
{
  const char *name = person ? lectern_person_get_name (person) : NULL;

  return lectern_ui_is_empty (name) ? _("Unnamed") : name;
}

/* The photo as a small texture for the row's avatar. */
static GdkPaintable *
lookup_photo (LecternCardsPage *self,
              LecternPerson    *person)
{
  if (person == NULL)
    return NULL;

  return lectern_ui_lookup_square (self->photos, lectern_person_get_id (person),
                                   lectern_person_get_rev (person), lectern_person_get_photo (person));
}

/* LecternListPage */

static GListModel *
lectern_cards_page_list_items (LecternListPage  *page,
                               GError          **error)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (page);
  LecternStore *store = lectern_list_page_get_store (page);
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListStore) items = g_list_store_new (G_TYPE_OBJECT);
  guint n;

  cards = lectern_ui_list_all_cards (store, error);
  if (cards == NULL)
    return NULL;

  n = g_list_model_get_n_items (cards);

  if (!is_people (self))
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

          if (shows_role (self, lectern_card_get_role (card)))
            g_list_store_append (items, card);
        }

      return G_LIST_MODEL (g_steal_pointer (&items));
    }
  else
    {
      g_autoptr(GListModel) people = lectern_store_list_people (store, error);
      g_autoptr(GHashTable) roles = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, (GDestroyNotify) g_ptr_array_unref);
      guint n_people;

      if (people == NULL)
        return NULL;

      /* Each person's roles, shown on the row: "Speaker, Organizer". */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);
          gint64 person_id = lectern_card_get_person_id (card);
          GPtrArray *labels = g_hash_table_lookup (roles, &person_id);

          if (lectern_card_get_archived (card))
            continue;

          if (labels == NULL)
            {
              gint64 *key = g_new (gint64, 1);

              *key = person_id;
              labels = g_ptr_array_new ();
              g_hash_table_insert (roles, key, labels);
            }
          g_ptr_array_add (labels, (gpointer) lectern_ui_role_label (lectern_card_get_role (card)));
        }

      n_people = g_list_model_get_n_items (people);
      for (guint i = 0; i < n_people; i++)
        {
          g_autoptr(LecternPerson) person = g_list_model_get_item (people, i);
          gint64 person_id = lectern_person_get_id (person);
          GPtrArray *labels = g_hash_table_lookup (roles, &person_id);
          char *text = NULL;

          if (labels != NULL)
            {
              g_ptr_array_add (labels, NULL);
              text = g_strjoinv (", ", (char **) labels->pdata);
            }

          g_object_set_data_full (G_OBJECT (person), ROLES_KEY, text, g_free);
          g_list_store_append (items, person);
        }

      return G_LIST_MODEL (g_steal_pointer (&items));
    }
}

static gboolean
lectern_cards_page_same_item (gpointer a,
                              gpointer b)
{
  if (LECTERN_IS_CARD (a) && LECTERN_IS_CARD (b))
    {
      LecternPerson *pa = lectern_card_get_person (a);
      LecternPerson *pb = lectern_card_get_person (b);

      if (lectern_card_get_id (a) != lectern_card_get_id (b) ||
          lectern_card_get_rev (a) != lectern_card_get_rev (b))
        return FALSE;

      if (pa == NULL || pb == NULL)
        return pa == pb;

      return lectern_person_get_id (pa) == lectern_person_get_id (pb) &&
             lectern_person_get_rev (pa) == lectern_person_get_rev (pb);
    }

  if (LECTERN_IS_PERSON (a) && LECTERN_IS_PERSON (b))
    return lectern_person_get_id (a) == lectern_person_get_id (b) &&
           lectern_person_get_rev (a) == lectern_person_get_rev (b) &&
           g_strcmp0 (g_object_get_data (a, ROLES_KEY), g_object_get_data (b, ROLES_KEY)) == 0;

  return FALSE;
}

static void
lectern_cards_page_bind_row (LecternListPage *page,
                             LecternListRow  *row,
                             gpointer         item)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (page);
  LecternPerson *person = item_person (item);
  const char *name = person_name (person);

  lectern_list_row_set_avatar (row, name, lookup_photo (self, person));
  lectern_list_row_set_text (row, name, person ? lectern_person_get_affiliation (person) : NULL, NULL);

  if (person != NULL)
    lectern_list_row_set_status (row, lectern_person_get_status (person));

  if (LECTERN_IS_CARD (item))
    {
      if (lectern_card_get_role (item) == LECTERN_ROLE_MODERATOR)
        lectern_list_row_set_tag (row, C_("role", "Moderator"));
      lectern_list_row_set_archived (row, lectern_card_get_archived (item));
    }
  else
    {
      lectern_list_row_set_tag (row, g_object_get_data (item, ROLES_KEY));
    }
}

static gboolean
lectern_cards_page_match (LecternListPage *page,
                          gpointer         item,
                          const char      *query,
                          int              status)
{
  LecternPerson *person = item_person (item);

  if (person == NULL)
    return FALSE;

  if (status != LECTERN_ANY_STATUS && lectern_person_get_status (person) != status)
    return FALSE;

  return lectern_ui_is_empty (query) || lectern_person_matches (person, query);
}

static int
lectern_cards_page_get_group (LecternListPage *page,
                              gpointer         item)
{
  if (!LECTERN_IS_CARD (item))
    return -1;

  return lectern_card_get_role (item);
}

static gboolean
lectern_cards_page_move_item (LecternListPage  *page,
                              gpointer          item,
                              guint             position,
                              GError          **error)
{
  g_autoptr(LecternCard) card = lectern_object_copy (item);

  /* one step, named by the store: "Move “Tri Dao”" */
  return lectern_store_move_card (lectern_list_page_get_store (page), card, position, error);
}

static char *
lectern_cards_page_dup_title (LecternListPage *page,
                              gpointer         item)
{
  LecternPerson *person = item_person (item);

  return g_strdup (person ? lectern_person_get_name (person) : NULL);
}

static void
lectern_cards_page_show_item (LecternListPage *page,
                              gpointer         item)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (page);

  if (item == NULL)
    {
      lectern_person_editor_set_item (self->editor, NULL, NULL);
      return;
    }

  lectern_person_editor_set_item (self->editor, item_person (item),
                                  LECTERN_IS_CARD (item) ? item : NULL);

  if (LECTERN_IS_CARD (item))
    {
      guint position = 0;
      guint n = _lectern_list_page_get_group_size (page, item, &position);

      lectern_person_editor_set_position (self->editor, position, n);
    }
}

/* Adding */

/* Someone already in the workshop gets a card, not a second entry: the
 * dialog says so as their name is typed.
 */
static void
add_entry_changed_cb (GtkEditable *entry,
                      GtkLabel    *hint)
{
  LecternCardsPage *self = g_object_get_data (G_OBJECT (hint), "page");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(LecternPerson) existing = NULL;

  if (name[0] != '\0' && !is_people (self))
    existing = lectern_store_find_person_by_name (lectern_list_page_get_store (LECTERN_LIST_PAGE (self)), name);

  if (existing != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a name */
      text = g_strdup_printf (_("“%s” is already in the workshop: this adds a card for them."),
                              lectern_person_get_name (existing));
      gtk_label_set_text (hint, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (hint), existing != NULL);
}

static gboolean
add_named (LecternListPage  *page,
           const char       *name,
           GError          **error)
{
  return lectern_cards_page_add_person (LECTERN_CARDS_PAGE (page), name, error);
}

static void
lectern_cards_page_add_item (LecternListPage *page)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (page);
  const char *heading;
  GtkWidget *entry;
  GtkWidget *hint;

  switch (self->kind)
    {
    case LECTERN_CARDS_PAGE_SPEAKERS:
      heading = _("Add Speaker");
      break;
    case LECTERN_CARDS_PAGE_PANELISTS:
      heading = _("Add Panelist");
      break;
    case LECTERN_CARDS_PAGE_ORGANIZERS:
      heading = _("Add Organizer");
      break;
    case LECTERN_CARDS_PAGE_PEOPLE:
    default:
      heading = _("Add Person");
      break;
    }

  hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 30);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_visible (hint, FALSE);
  g_object_set_data (G_OBJECT (hint), "page", self);

  entry = _lectern_list_page_ask_name (page, heading,
                                       is_people (self)
                                       ? _("Their name as the website shows it.")
                                       : _("The name of someone new, or of someone already in the workshop."),
                                       hint, add_named);
  g_signal_connect (entry, "changed", G_CALLBACK (add_entry_changed_cb), hint);
}

/* Removing */

static void
lectern_cards_page_remove_item (LecternListPage *page,
                                gpointer         item)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (page);
  LecternStore *store = lectern_list_page_get_store (page);
  g_autoptr(GObject) copy = lectern_object_copy (item);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *name = person_name (item_person (item));
  AdwToast *toast;
  gboolean ok;

  /* What was typed and not yet saved is saved first, so that Undo
   * brings the row back as the organizer last saw it.
   */
  lectern_person_editor_flush (self->editor);

  /* one step, named by the store: "Remove “Ce Zhang” from Speakers" */
  if (is_people (self))
    {
      /* The shown version: the editor may have just saved a newer one. */
      LecternPerson *shown = lectern_person_editor_get_person (self->editor);

      /* Translators: %s is a name */
      message = g_strdup_printf (_("“%s” removed"), name);
      if (shown != NULL && lectern_person_get_id (shown) == lectern_person_get_id (LECTERN_PERSON (copy)))
        lectern_person_set_rev (LECTERN_PERSON (copy), lectern_person_get_rev (shown));
      ok = lectern_store_remove_person (store, LECTERN_PERSON (copy), &error);
    }
  else
    {
      /* Translators: a name, then a list, e.g. "Speakers" */
      message = g_strdup_printf (_("“%s” removed from %s"), name, list_name (self));
      ok = lectern_store_remove_card (store, LECTERN_CARD (copy), &error);
    }

  if (!ok)
    {
      lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Remove"), error);
      lectern_ui_reload_window (GTK_WIDGET (self));
      return;
    }

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  lectern_ui_toast (GTK_WIDGET (self), toast);

  lectern_ui_reload_window (GTK_WIDGET (self));
}

/* GObject overrides */

static void
lectern_cards_page_constructed (GObject *object)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (object);
  LecternListPage *page = LECTERN_LIST_PAGE (object);

  G_OBJECT_CLASS (lectern_cards_page_parent_class)->constructed (object);

  switch (self->kind)
    {
    case LECTERN_CARDS_PAGE_SPEAKERS:
      _lectern_list_page_set_texts (page, "audio-input-microphone-symbolic", _("Speakers"),
                                    _("No Speakers Yet"),
                                    _("Speakers appear here, in the order the website lists them."),
                                    _("_Add Speaker"), _("No Speaker Selected"),
                                    _("_Remove from Speakers"));
      lectern_person_editor_set_remove_label (self->editor, _("_Remove from Speakers"));
      break;

    case LECTERN_CARDS_PAGE_PANELISTS:
      _lectern_list_page_set_texts (page, "system-users-symbolic", _("Panelists"),
                                    _("No Panelists Yet"),
                                    _("Panelists and moderators appear here, in the order the website lists them."),
                                    _("_Add Panelist"), _("No Panelist Selected"),
                                    _("_Remove from Panelists"));
      lectern_person_editor_set_remove_label (self->editor, _("_Remove from Panelists"));
      break;

    case LECTERN_CARDS_PAGE_ORGANIZERS:
      _lectern_list_page_set_texts (page, "avatar-default-symbolic", _("Organizers"),
                                    _("No Organizers Yet"),
                                    _("The people organizing the workshop appear here, in the order the website lists them."),
                                    _("_Add Organizer"), _("No Organizer Selected"),
                                    _("_Remove from Organizers"));
      lectern_person_editor_set_remove_label (self->editor, _("_Remove from Organizers"));
      break;

    case LECTERN_CARDS_PAGE_PEOPLE:
    default:
      _lectern_list_page_set_texts (page, "x-office-address-book-symbolic", _("People"),
                                    _("No People Yet"),
                                    _("Everyone in the workshop appears here, with or without a card on the website."),
                                    _("_Add Person"), _("No Person Selected"),
                                    _("_Remove Person"));
      lectern_person_editor_set_remove_label (self->editor, _("_Remove Person"));
      break;
    }
}

static void
lectern_cards_page_store_changed_cb (LecternCardsPage *self,
                                     GParamSpec       *pspec,
                                     gpointer          user_data)
{
  lectern_person_editor_set_store (self->editor,
                                   lectern_list_page_get_store (LECTERN_LIST_PAGE (self)));
}

static void
lectern_cards_page_finalize (GObject *object)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (object);

  g_clear_pointer (&self->photos, g_hash_table_unref);

  G_OBJECT_CLASS (lectern_cards_page_parent_class)->finalize (object);
}

static void
lectern_cards_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cards_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LecternCardsPage *self = LECTERN_CARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cards_page_class_init (LecternCardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LecternListPageClass *page_class = LECTERN_LIST_PAGE_CLASS (klass);

  object_class->constructed = lectern_cards_page_constructed;
  object_class->finalize = lectern_cards_page_finalize;
  object_class->get_property = lectern_cards_page_get_property;
  object_class->set_property = lectern_cards_page_set_property;

  page_class->list_items = lectern_cards_page_list_items;
  page_class->same_item = lectern_cards_page_same_item;
  page_class->bind_row = lectern_cards_page_bind_row;
  page_class->match = lectern_cards_page_match;
  page_class->get_group = lectern_cards_page_get_group;
  page_class->move_item = lectern_cards_page_move_item;
  page_class->dup_title = lectern_cards_page_dup_title;
  page_class->show_item = lectern_cards_page_show_item;
  page_class->add_item = lectern_cards_page_add_item;
  page_class->remove_item = lectern_cards_page_remove_item;

  /**
   * LecternCardsPage:kind:
   *
   * The list the page shows.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LECTERN_TYPE_CARDS_PAGE_KIND,
                       LECTERN_CARDS_PAGE_SPEAKERS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_cards_page_init (LecternCardsPage *self)
{
  self->photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->editor = LECTERN_PERSON_EDITOR (lectern_person_editor_new ());
  _lectern_list_page_set_editor (LECTERN_LIST_PAGE (self), GTK_WIDGET (self->editor));
  _lectern_list_page_set_status_filter (LECTERN_LIST_PAGE (self), TRUE);

  g_signal_connect (self, "notify::store", G_CALLBACK (lectern_cards_page_store_changed_cb), NULL);
}

/* Public API */

LecternCardsPageKind
lectern_cards_page_get_kind (LecternCardsPage *self)
{
  g_return_val_if_fail (LECTERN_IS_CARDS_PAGE (self), LECTERN_CARDS_PAGE_SPEAKERS);

  return self->kind;
}

/**
 * lectern_cards_page_add_person:
 * @self: a #LecternCardsPage
 * @name: a name
 * @error: return location for an error
 *
 * Adds someone to the page's list, as one undo step: a new person, or
 * the person of that name already in the workshop, with a card for the
 * page's role (none on the people page). The row is then selected.
 */
gboolean
lectern_cards_page_add_person (LecternCardsPage  *self,
                               const char        *name,
                               GError           **error)
{
  LecternStore *store;
  g_autofree char *label = NULL;
  LecternRole role;
  gint64 select_id = 0;

  g_return_val_if_fail (LECTERN_IS_CARDS_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  store = lectern_list_page_get_store (LECTERN_LIST_PAGE (self));
  role = page_role (self);

  if (is_people (self))
    /* Translators: an undo step; %s is a name */
    label = g_strdup_printf (_("Add “%s”"), name);
  else
    /* Translators: an undo step; a name, then a list, e.g. "Speakers" */
    label = g_strdup_printf (_("Add “%s” to %s"), name, list_name (self));

  if (!lectern_store_add_named (store, name, role, label, &select_id, error))
    return FALSE;

  _lectern_list_page_select_after_reload (LECTERN_LIST_PAGE (self), select_id, FALSE);
  lectern_ui_reload_window (GTK_WIDGET (self));

  return TRUE;
}
