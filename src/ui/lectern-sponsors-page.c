/* lectern-sponsors-page.c: the sponsors, in the site's order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-sponsors-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-form.h"
#include "lectern-sponsor-editor.h"
#include "lectern-sponsors-page.h"
#include "lectern-ui-util.h"

struct _LecternSponsorsPage
{
  LecternListPage       parent_instance;

  LecternSponsorEditor *editor;
  GHashTable           *logos;   /* "id:rev" → GdkTexture */
};

G_DEFINE_FINAL_TYPE (LecternSponsorsPage, lectern_sponsors_page, LECTERN_TYPE_LIST_PAGE)

static const char *
sponsor_name (LecternSponsor *sponsor)
{
  const char *name = sponsor ? lectern_sponsor_get_name (sponsor) : NULL;

  return lectern_ui_is_empty (name) ? _("Unnamed") : name;
}

static GdkPaintable *
lookup_logo (LecternSponsorsPage *self,
             LecternSponsor      *sponsor)
{
  return lectern_ui_lookup_square (self->logos, lectern_sponsor_get_id (sponsor),
                                   lectern_sponsor_get_rev (sponsor), lectern_sponsor_get_logo (sponsor));
}

/* LecternListPage */

static GListModel *
lectern_sponsors_page_list_items (LecternListPage  *page,
                                  GError          **error)
{
  return lectern_store_list_sponsors (lectern_list_page_get_store (page), error);
}

static gboolean
lectern_sponsors_page_same_item (gpointer a,
                                 gpointer b)
{
  return lectern_sponsor_get_id (a) == lectern_sponsor_get_id (b) &&
         lectern_sponsor_get_rev (a) == lectern_sponsor_get_rev (b);
}

static void
lectern_sponsors_page_bind_row (LecternListPage *page,
                                LecternListRow  *row,
                                gpointer         item)
{
  LecternSponsorsPage *self = LECTERN_SPONSORS_PAGE (page);
  LecternSponsor *sponsor = item;
  const char *url = lectern_sponsor_get_url (sponsor);

  /* The address without its scheme reads better. */
  if (g_str_has_prefix (url ? url : "", "https://"))
    url += strlen ("https://");
  else if (g_str_has_prefix (url ? url : "", "http://"))
    url += strlen ("http://");

  lectern_list_row_set_avatar (row, sponsor_name (sponsor), lookup_logo (self, sponsor));
  lectern_list_row_set_text (row, sponsor_name (sponsor), url, NULL);
  lectern_list_row_set_tag (row, lectern_sponsor_get_tier (sponsor));
  lectern_list_row_set_archived (row, lectern_sponsor_get_archived (sponsor));
}

static gboolean
lectern_sponsors_page_match (LecternListPage *page,
                             gpointer         item,
                             const char      *query,
                             int              status)
{
  return lectern_ui_is_empty (query) || lectern_sponsor_matches (item, query);
}

static int
lectern_sponsors_page_get_group (LecternListPage *page,
                                 gpointer         item)
{
  return LECTERN_IS_SPONSOR (item) ? 0 : -1;
}

static gboolean
lectern_sponsors_page_move_item (LecternListPage  *page,
                                 gpointer          item,
                                 guint             position,
                                 GError          **error)
{
  g_autoptr(LecternSponsor) sponsor = lectern_object_copy (item);

  /* one step, named by the store: "Move “Together AI”" */
  return lectern_store_move_sponsor (lectern_list_page_get_store (page), sponsor, position, error);
}

static char *
lectern_sponsors_page_dup_title (LecternListPage *page,
                                 gpointer         item)
{
  return g_strdup (lectern_sponsor_get_name (item));
}

static void
lectern_sponsors_page_show_item (LecternListPage *page,
                                 gpointer         item)
{
  LecternSponsorsPage *self = LECTERN_SPONSORS_PAGE (page);

  lectern_sponsor_editor_set_sponsor (self->editor, item);

  if (item != NULL)
    {
      guint position = 0;
      guint n = _lectern_list_page_get_group_size (page, item, &position);

      lectern_sponsor_editor_set_position (self->editor, position, n);
    }
}

static gboolean
add_named (LecternListPage  *page,
           const char       *name,
           GError          **error)
{
  return lectern_sponsors_page_add_sponsor (LECTERN_SPONSORS_PAGE (page), name, error);
}

static void
lectern_sponsors_page_add_item (LecternListPage *page)
{
  _lectern_list_page_ask_name (page, _("Add Sponsor"),
                               _("The sponsor’s name as the website shows it."),
                               NULL, add_named);
}

static void
lectern_sponsors_page_remove_item (LecternListPage *page,
                                   gpointer         item)
{
  LecternSponsorsPage *self = LECTERN_SPONSORS_PAGE (page);
  LecternStore *store = lectern_list_page_get_store (page);
  g_autoptr(LecternSponsor) copy = lectern_object_copy (item);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  LecternSponsor *shown;
  AdwToast *toast;

  lectern_sponsor_editor_flush (self->editor);

  /* The shown version: the editor may have just saved a newer one. */
  shown = lectern_sponsor_editor_get_sponsor (self->editor);
  if (shown != NULL && lectern_sponsor_get_id (shown) == lectern_sponsor_get_id (copy))
    lectern_sponsor_set_rev (copy, lectern_sponsor_get_rev (shown));

  /* Translators: %s is a name */
  message = g_strdup_printf (_("“%s” removed"), sponsor_name (copy));

  /* one step, named by the store: "Remove “Together AI”" */
  if (!lectern_store_remove_sponsor (store, copy, &error))
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
store_changed_cb (LecternSponsorsPage *self,
                  GParamSpec          *pspec,
                  gpointer             user_data)
{
  lectern_sponsor_editor_set_store (self->editor,
                                    lectern_list_page_get_store (LECTERN_LIST_PAGE (self)));
}

static void
lectern_sponsors_page_finalize (GObject *object)
{
  LecternSponsorsPage *self = LECTERN_SPONSORS_PAGE (object);

  g_clear_pointer (&self->logos, g_hash_table_unref);

  G_OBJECT_CLASS (lectern_sponsors_page_parent_class)->finalize (object);
}

static void
lectern_sponsors_page_class_init (LecternSponsorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LecternListPageClass *page_class = LECTERN_LIST_PAGE_CLASS (klass);

  object_class->finalize = lectern_sponsors_page_finalize;

  page_class->list_items = lectern_sponsors_page_list_items;
  page_class->same_item = lectern_sponsors_page_same_item;
  page_class->bind_row = lectern_sponsors_page_bind_row;
  page_class->match = lectern_sponsors_page_match;
  page_class->get_group = lectern_sponsors_page_get_group;
  page_class->move_item = lectern_sponsors_page_move_item;
  page_class->dup_title = lectern_sponsors_page_dup_title;
  page_class->show_item = lectern_sponsors_page_show_item;
  page_class->add_item = lectern_sponsors_page_add_item;
  page_class->remove_item = lectern_sponsors_page_remove_item;
}

static void
lectern_sponsors_page_init (LecternSponsorsPage *self)
{
  LecternListPage *page = LECTERN_LIST_PAGE (self);

  self->logos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->editor = LECTERN_SPONSOR_EDITOR (lectern_sponsor_editor_new ());
  _lectern_list_page_set_editor (page, GTK_WIDGET (self->editor));
  _lectern_list_page_set_status_filter (page, FALSE);
  _lectern_list_page_set_texts (page, "emblem-favorite-symbolic", _("Sponsors"),
                                _("No Sponsors Yet"),
                                _("Sponsors appear here, in the order the website lists them."),
                                _("_Add Sponsor"), _("No Sponsor Selected"),
                                _("_Remove Sponsor"));

  g_signal_connect (self, "notify::store", G_CALLBACK (store_changed_cb), NULL);
}

/**
 * lectern_sponsors_page_add_sponsor:
 * @self: a #LecternSponsorsPage
 * @name: the sponsor's name
 * @error: return location for an error
 *
 * Adds a sponsor at the end of the list, as one undo step, and selects it.
 */
gboolean
lectern_sponsors_page_add_sponsor (LecternSponsorsPage  *self,
                                   const char           *name,
                                   GError              **error)
{
  LecternStore *store;
  g_autoptr(LecternSponsor) sponsor = lectern_sponsor_new ();

  g_return_val_if_fail (LECTERN_IS_SPONSORS_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  store = lectern_list_page_get_store (LECTERN_LIST_PAGE (self));
  lectern_sponsor_set_name (sponsor, name);

  /* one step, named by the store: "Add “Together AI”" */
  if (!lectern_store_add_sponsor (store, sponsor, error))
    return FALSE;

  _lectern_list_page_select_after_reload (LECTERN_LIST_PAGE (self),
                                          lectern_sponsor_get_id (sponsor), FALSE);
  lectern_ui_reload_window (GTK_WIDGET (self));

  return TRUE;
}
