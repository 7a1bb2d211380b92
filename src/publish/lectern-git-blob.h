/* lectern-git-blob.h: git's name for a file's bytes, and a cache of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char    *lectern_git_blob_sha1       (GBytes      *contents);

/* A folder of blobs named by their hash (the pages whose block Lectern
 * owns, as the repository had them), so a publish need not download a
 * page it has seen. A blob whose bytes do not hash to its name is
 * ignored.
 */
GBytes  *lectern_blob_cache_lookup   (const char  *cache_dir,
                                      const char  *sha);
void     lectern_blob_cache_store    (const char  *cache_dir,
                                      const char  *sha,
                                      GBytes      *contents);

G_END_DECLS
