/* lectern-git-blob.c: git's name for a file's bytes, and a cache of them
 *
 * A blob's id is SHA-1 over "blob <size>\0" and the bytes, as git
 * hash-object computes it: comparing it with the id a repository lists
 * tells whether a file changed without sending or fetching it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-publish"

#include "config.h"

#include <string.h>

#include "lectern-git-blob.h"

char *
lectern_git_blob_sha1 (GBytes *contents)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *header = NULL;
  gsize size;
  const guchar *data;

  g_return_val_if_fail (contents != NULL, NULL);

  data = g_bytes_get_data (contents, &size);
  header = g_strdup_printf ("blob %" G_GSIZE_FORMAT, size);
  g_checksum_update (checksum, (const guchar *) header, strlen (header) + 1);  /* with its NUL */
  if (size > 0)
    g_checksum_update (checksum, data, size);

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
is_sha (const char *sha)
{
  if (sha == NULL || strlen (sha) != 40)
    return FALSE;
  for (const char *p = sha; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

GBytes *
lectern_blob_cache_lookup (const char *cache_dir,
                           const char *sha)
{
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data = NULL;
  gsize size;

  if (cache_dir == NULL || !is_sha (sha))
    return NULL;

  path = g_build_filename (cache_dir, sha, NULL);
  if (!g_file_get_contents (path, &data, &size, NULL))
    return NULL;
  bytes = g_bytes_new_take (data, size);

  actual = lectern_git_blob_sha1 (bytes);
  if (strcmp (actual, sha) != 0)
    return NULL;

  return g_steal_pointer (&bytes);
}

/* Best effort: a cache that cannot be written costs one request later. */
void
lectern_blob_cache_store (const char *cache_dir,
                          const char *sha,
                          GBytes     *contents)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  if (cache_dir == NULL || !is_sha (sha) || contents == NULL)
    return;

  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    return;

  path = g_build_filename (cache_dir, sha, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  data = g_bytes_get_data (contents, &size);
  if (!g_file_set_contents_full (path, data ? data : "", size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not keep blob %s: %s", sha, error->message);
}
