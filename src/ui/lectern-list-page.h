/* lectern-list-page.h: a list and the detail of its selected row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-list-row.h"
#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_LIST_PAGE (lectern_list_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LecternListPage, lectern_list_page, LECTERN, LIST_PAGE, GtkWidget)

/* Any status: the value of the status filter that lets every row pass. */
#define LECTERN_ANY_STATUS (-1)

struct _LecternListPageClass
{
  GtkWidgetClass parent_class;

  /* The rows, read from the file, in the order of the list. */
  GListModel *(*list_items)    (LecternListPage  *self,
                                GError          **error);
  /* Same row, same version: nothing to show again. */
  gboolean    (*same_item)     (gpointer          a,
                                gpointer          b);
  void        (*bind_row)      (LecternListPage  *self,
                                LecternListRow   *row,
                                gpointer          item);
  gboolean    (*match)         (LecternListPage  *self,
                                gpointer          item,
                                const char       *query,
                                int               status);
  /* Rows move among the rows of their group (a card among the cards of
   * its role); -1: the row cannot move.
   */
  int         (*get_group)     (LecternListPage  *self,
                                gpointer          item);
  gboolean    (*move_item)     (LecternListPage  *self,
                                gpointer          item,
                                guint             position,
                                GError          **error);
  char       *(*dup_title)     (LecternListPage  *self,
                                gpointer          item);
  void        (*show_item)     (LecternListPage  *self,
                                gpointer          item);
  void        (*add_item)      (LecternListPage  *self);
  void        (*remove_item)   (LecternListPage  *self,
                                gpointer          item);

  /*< private >*/
  gpointer padding[8];
};

LecternStore *lectern_list_page_get_store         (LecternListPage  *self);
void          lectern_list_page_set_store         (LecternListPage  *self,
                                                   LecternStore     *store);
gboolean      lectern_list_page_reload            (LecternListPage  *self,
                                                   GError          **error);
GListModel   *lectern_list_page_get_items         (LecternListPage  *self);
GtkSingleSelection *lectern_list_page_get_selection (LecternListPage *self);
GtkGridView  *lectern_list_page_get_list_view     (LecternListPage  *self);
gpointer      lectern_list_page_get_selected_item (LecternListPage  *self);
gboolean      lectern_list_page_select_id         (LecternListPage  *self,
                                                   gint64            id,
                                                   gboolean          focus);
void          lectern_list_page_show_stepped      (LecternListPage  *self,
                                                   gboolean          focus);
gboolean      lectern_list_page_has_list_focus    (LecternListPage  *self);
gboolean      lectern_list_page_move_item         (LecternListPage  *self,
                                                   gpointer          item,
                                                   guint             position);
void          lectern_list_page_set_search_text   (LecternListPage  *self,
                                                   const char       *text);
const char   *lectern_list_page_get_query         (LecternListPage  *self);
guint         lectern_list_page_get_n_matches     (LecternListPage  *self);
gboolean      lectern_list_page_get_search_mode   (LecternListPage  *self);
void          lectern_list_page_set_search_mode   (LecternListPage  *self,
                                                   gboolean          search_mode);
void          lectern_list_page_set_query         (LecternListPage  *self,
                                                   const char       *query,
                                                   int               status);
gboolean      lectern_list_page_get_read_only     (LecternListPage  *self);
GtkWidget    *lectern_list_page_get_editor        (LecternListPage  *self);

/* For subclasses */
void          _lectern_list_page_set_editor       (LecternListPage  *self,
                                                   GtkWidget        *editor);
void          _lectern_list_page_set_texts        (LecternListPage  *self,
                                                   const char       *icon_name,
                                                   const char       *list_label,
                                                   const char       *empty_title,
                                                   const char       *empty_description,
                                                   const char       *add_label,
                                                   const char       *none_title,
                                                   const char       *remove_label);
typedef gboolean (*LecternAddNameFunc) (LecternListPage  *page,
                                        const char       *name,
                                        GError          **error);

GtkWidget    *_lectern_list_page_ask_name         (LecternListPage   *self,
                                                   const char        *heading,
                                                   const char        *body,
                                                   GtkWidget         *extra,
                                                   LecternAddNameFunc add);
void          _lectern_list_page_set_status_filter (LecternListPage *self,
                                                    gboolean         visible);
void          _lectern_list_page_select_after_reload (LecternListPage *self,
                                                      gint64           id,
                                                      gboolean         focus);
guint         _lectern_list_page_get_group_size   (LecternListPage  *self,
                                                   gpointer          item,
                                                   guint            *position);
void          _lectern_list_page_update_actions   (LecternListPage  *self);

G_END_DECLS
