/* lectern-site-memo.h: what the last export left in the site, and
 * whether a render now would give the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-site-tree.h"
#include "lectern-store.h"

G_BEGIN_DECLS

/* One file as the last export left it */
typedef struct
{
  char                *path;
  char                *sha1;    /* of its bytes, as written (or found equal) */
  LecternSiteFileKind  kind;
} LecternSiteMemoFile;

void       lectern_site_memo_file_free (LecternSiteMemoFile *file);

char      *lectern_site_memo_key       (LecternStore  *store,
                                        GDateTime     *now,
                                        GError       **error);
char      *lectern_site_memo_list      (GPtrArray     *files);
char      *lectern_site_memo_format    (const char    *key,
                                        const char    *list);
GPtrArray *lectern_site_memo_parse     (const char    *memo,
                                        char         **key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternSiteMemoFile, lectern_site_memo_file_free)

G_END_DECLS
