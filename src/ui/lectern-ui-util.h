/* lectern-ui-util.h: small helpers shared by the window's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-conflict-dialog.h"
#include "lectern-form.h"
#include "lectern-store.h"

G_BEGIN_DECLS

typedef gboolean (*LecternSameItemFunc) (gpointer a,
                                         gpointer b);

gboolean    lectern_ui_is_empty           (const char          *text);
void        lectern_ui_name_controls      (GtkWidget           *root);
gboolean    lectern_ui_name_button        (GtkWidget           *button);
void        lectern_ui_scroll_to_top      (GtkWidget           *root);
void        lectern_ui_scroll_into_view   (GtkWidget           *widget);

void        lectern_ui_list_box_clear     (GtkListBox          *list);
void        lectern_ui_list_box_show_busy (GtkListBox          *list,
                                           const char          *title);
GtkWidget  *lectern_ui_message_row_new    (const char          *icon_name,
                                           const char          *title,
                                           const char          *subtitle,
                                           const char          *css_class);
GVariant   *lectern_ui_lookup_per_workshop   (const char         *key,
                                              const char         *workshop_path,
                                              const GVariantType *type);
void        lectern_ui_remember_per_workshop (const char         *key,
                                              const char         *workshop_path,
                                              GVariant           *value);
void        lectern_ui_sync_list_store    (GListStore          *store,
                                           GListModel          *fresh,
                                           LecternSameItemFunc  same,
                                           gboolean             replace_all);
char       *lectern_ui_format_date        (const char          *iso_date);

gboolean    lectern_ui_url_is_valid       (const char          *text);
gboolean    lectern_ui_email_is_valid     (const char          *text);
gboolean    lectern_ui_date_is_valid      (const char          *text);
gboolean    lectern_ui_timezone_is_valid  (const char          *text);

/* The name a combo row shows for one value of a registered enum. */
typedef const char *(*LecternUiEnumLabel) (int value);

void        lectern_ui_combo_row_set_enum    (AdwComboRow         *row,
                                              GType                enum_type,
                                              LecternUiEnumLabel   label);
int         lectern_ui_combo_row_get_enum    (AdwComboRow         *row);
void        lectern_ui_combo_row_select_enum (AdwComboRow         *row,
                                              int                  value);

const char *lectern_ui_enum_label            (GType                enum_type,
                                              int                  value);
const char *lectern_ui_status_label       (LecternStatus        status);
const char *lectern_ui_role_label         (LecternRole          role);
const char *lectern_ui_slot_kind_label    (LecternSlotKind      kind);

void        lectern_ui_begin_reload       (LecternStore        *store);
void        lectern_ui_end_reload         (LecternStore        *store);
GListModel *lectern_ui_list_all_cards     (LecternStore        *store,
                                           GError             **error);

GdkTexture *lectern_ui_square_texture     (GBytes              *data,
                                           int                 *short_side,
                                           GError             **error);
GdkPaintable *lectern_ui_lookup_square    (GHashTable          *cache,
                                           gint64               id,
                                           gint64               rev,
                                           GBytes              *data);

typedef gboolean (*LecternSaveFunc)  (LecternStore  *store,
                                      gpointer       object,
                                      GError       **error);
typedef gpointer (*LecternFetchFunc) (LecternStore  *store,
                                      gint64         id,
                                      GError       **error);

typedef struct
{
  LecternSaveFunc             save;
  LecternFetchFunc            fetch;
  const LecternConflictField *fields;
  guint                       n_fields;
} LecternSaveKind;

void        lectern_ui_save_edit          (GtkWidget             *widget,
                                           LecternStore          *store,
                                           const LecternSaveKind *kind,
                                           LecternForm           *form,
                                           gpointer               edited,
                                           const char            *label,
                                           const char            *what);
void        lectern_ui_reload_window      (GtkWidget           *widget);

void        lectern_ui_show_error         (GtkWidget           *widget,
                                           const char          *heading,
                                           const GError        *error);
void        lectern_ui_toast_undo         (GtkWidget           *widget,
                                           const char          *label);
void        lectern_ui_toast              (GtkWidget           *widget,
                                           AdwToast            *toast);

G_END_DECLS
