/* fuzz-front-matter.c: libFuzzer target for a card's front matter
 *
 * Whatever the bytes, the reader answers with keys and values or a
 * clear error, and never crashes, leaks or reads out of bounds (the
 * build has AddressSanitizer and UBSan). Valid UTF-8 also goes through
 * the encoding repair and the title's plain text, as the import does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "lectern-site-diff.h"
#include "lectern-site-encoding.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) front = lectern_site_parse_front_matter (bytes, "_projects/fuzz.md", &error);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  /* one or the other, never both */
  g_assert_true ((front == NULL) != (error == NULL));

  if (front != NULL)
    {
      const char *title = g_hash_table_lookup (front, "title");
      g_autofree char *plain = lectern_site_plain_text (title);

      g_assert_nonnull (plain);
    }

  if (g_utf8_validate ((const char *) data, size, NULL))
    {
      g_autofree char *fixed = lectern_site_repair_encoding ((const char *) data, size, "fuzz", notes);

      g_assert_true (fixed == NULL || g_utf8_validate (fixed, -1, NULL));
    }

  return 0;
}
