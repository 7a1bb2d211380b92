/* lectern-store-site.h: what the site had when Lectern last wrote it,
 * or imported it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-store.h"

G_BEGIN_DECLS

/* One file of the site as Lectern last saw it */
typedef struct
{
  char   *path;
  char   *sha1;       /* of the file's bytes */
  char   *category;   /* a card's list, or NULL */
  int     position;   /* a card's importance, or -1 */
  GBytes *contents;   /* a card's bytes, or NULL */
} LecternSiteRecord;

LecternSiteRecord *lectern_site_record_new  (const char        *path,
                                             GBytes            *bytes,
                                             const char        *category,
                                             int                position);
void               lectern_site_record_free (LecternSiteRecord *record);

GHashTable *lectern_store_get_site_records (LecternStore  *self,
                                            GError       **error);
GHashTable *lectern_store_get_site_positions_or_records (LecternStore  *self,
                                                         gboolean       with_contents,
                                                         GError       **error);
gboolean    lectern_store_set_site_records (LecternStore  *self,
                                            GPtrArray     *records,
                                            const char    *prefix,
                                            GError       **error);

gboolean    lectern_store_digest_contents  (LecternStore  *self,
                                            GChecksum     *checksum,
                                            GError       **error);
char       *lectern_store_get_site_memo    (LecternStore  *self);
gboolean    lectern_store_set_site_memo    (LecternStore  *self,
                                            const char    *memo,
                                            GError       **error);
gint64      lectern_store_count_unusual_images (LecternStore  *self,
                                                GError       **error);
void        lectern_store_get_change_stamp (LecternStore  *self,
                                            gint64        *data_version,
                                            gint64        *own_changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternSiteRecord, lectern_site_record_free)

G_END_DECLS
