/* lectern-site-memo.c: what the last export left in the site, and
 * whether a render now would give the same
 *
 * An export that changes nothing is the common case: the organizers
 * export, and export again to be sure, or after an edit that was
 * undone. Rendering the whole site to learn that it is the same costs
 * more than reading it. So each export notes in the workshop file (meta
 * 'site_memo', bookkeeping like the site's record) what it left: every
 * file's path, kind and hash, under a key. The key is a SHA-1 of
 * everything a render reads:
 *  - the workshop file's contents (lectern_store_digest_contents(): every
 *    table, whatever a later version adds to it, but the undo history);
 *  - the code that renders: the build ids of the program and of the
 *    libraries whose output is in the site (GLib and PCRE2, libical,
 *    json-glib, libyaml, SQLite, gdk-pixbuf with libpng, libjpeg and
 *    zlib, the C library), and gdk-pixbuf's list of image loaders with
 *    each loader's file as the file system knows it (a loader is loaded
 *    only when an image needs it, so its build id cannot be read before
 *    a render; and so a workshop with an image only a loader reads,
 *    GIF, SVG or the like, whose loader's own libraries cannot be known
 *    before a render either, has no memo at all: it renders every time);
 *  - the languages of the process;
 *  - what depends on the clock, as of the export's moment: the call's
 *    state (its announcement) and the schedule's note line (the zone's
 *    name, for a workshop without a date);
 *  - the zones of the workshop and of the call's dates, as each reader
 *    has them: the zone file on disk, libical's VTIMEZONE (libical keeps
 *    a zone for the life of the process), and GLib's offsets and names
 *    at each hour of each day of the schedule and the day after, and at
 *    each of the call's dates (GLib keeps a zone while anything holds
 *    it).
 * When the key a render would have is the noted one, and every noted
 * file is in the site with the noted hash, the render would give what
 * the site has: the export is a no-op, known without rendering
 * (lectern_site_folder_compare_memo()). Anything else (an edit, a hand
 * edit in the site, a new day for the call, a new Lectern or libical)
 * renders as always. Tests run with LECTERN_SITE_MEMO=verify, which
 * renders anyway and aborts if the two ever differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"
#define _GNU_SOURCE

#include "config.h"

#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lectern-cfp-deadline.h"
#include "lectern-export-result.h"
#include "lectern-site-ical.h"
#include "lectern-site-memo.h"
#include "lectern-site-render.h"
#include "lectern-store-cfp.h"
#include "lectern-store-site.h"

#define MEMO_FORMAT "lectern-site-memo 1"

void
lectern_site_memo_file_free (LecternSiteMemoFile *file)
{
  if (file == NULL)
    return;

  g_free (file->path);
  g_free (file->sha1);
  g_free (file);
}

static void
add_text (GChecksum  *checksum,
          const char *text)
{
  text = text != NULL ? text : "";
  g_checksum_update (checksum, (const guchar *) text, strlen (text) + 1);
}

static void
add_file_facts (GChecksum  *checksum,
                const char *path)
{
  struct stat st;
  gint64 facts[4] = { 0 };

  if (stat (path, &st) == 0)
    {
      facts[0] = st.st_ino;
      facts[1] = st.st_size;
      facts[2] = st.st_mtim.tv_sec;
      facts[3] = st.st_mtim.tv_nsec;
    }
  g_checksum_update (checksum, (const guchar *) facts, sizeof facts);
}

/* The libraries whose output ends up in the site's bytes */
static gboolean
renders_site (const char *name)
{
  static const char *const libraries[] = {
    "/libglib-2.0.so", "/libgobject-2.0.so", "/libgio-2.0.so", "/libical.so", "/libical-glib.so",
    "/libjson-glib-1.0.so", "/libyaml-0.so", "/libsqlite3.so", "/libgdk_pixbuf-2.0.so", "/libc.so",
    "/libpcre2-8.so", "/libpng16.so", "/libjpeg.so", "/libz.so", "/liblectern",
  };

  for (guint i = 0; i < G_N_ELEMENTS (libraries); i++)
    if (strstr (name, libraries[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
add_build_id_note (GChecksum               *checksum,
                   const struct dl_phdr_info *info,
                   const ElfW(Phdr)        *ph)
{
  const char *p = (const char *) (info->dlpi_addr + ph->p_vaddr);
  const char *end = p + ph->p_memsz;
  gsize align = ph->p_align == 8 ? 8 : 4;

  while (p + sizeof (ElfW(Nhdr)) <= end)
    {
      const ElfW(Nhdr) *note = (const ElfW(Nhdr) *) p;
      const char *name = p + sizeof *note;
      const char *desc = name + ((note->n_namesz + align - 1) & ~(align - 1));

      if (desc + note->n_descsz > end)
        break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp (name, "GNU", 4) == 0)
        {
          g_checksum_update (checksum, (const guchar *) desc, note->n_descsz);
          return TRUE;
        }
      p = desc + ((note->n_descsz + align - 1) & ~(align - 1));
    }

  return FALSE;
}

static int
add_build_id (struct dl_phdr_info *info,
              size_t               size,
              void                *data)
{
  GChecksum *checksum = data;
  const char *name = info->dlpi_name != NULL ? info->dlpi_name : "";
  gboolean found = FALSE;

  if (name[0] != '\0' && !renders_site (name))
    return 0;

  g_checksum_update (checksum, (const guchar *) name, strlen (name) + 1);
  for (int i = 0; i < info->dlpi_phnum && !found; i++)
    if (info->dlpi_phdr[i].p_type == PT_NOTE)
      found = add_build_id_note (checksum, info, &info->dlpi_phdr[i]);

  /* no build id: the file itself, as the file system knows it */
  if (!found)
    add_file_facts (checksum, name[0] != '\0' ? name : "/proc/self/exe");

  return 0;
}

/* gdk-pixbuf's list of loaders, and each loader's file */
static void
add_pixbuf_loaders (GChecksum *checksum)
{
  const char *path = g_getenv ("GDK_PIXBUF_MODULE_FILE");
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (path == NULL || path[0] == '\0')
    path = LECTERN_PIXBUF_CACHE_FILE;
  if (!g_file_get_contents (path, &contents, &len, NULL))
    return;

  g_checksum_update (checksum, (const guchar *) contents, len);
  for (char *line = contents; line != NULL; )
    {
      char *eol = strchr (line, '\n');

      if (eol != NULL)
        *eol = '\0';
      /* "/usr/lib/…/loaders/libpixbufloader-svg.so" */
      if (line[0] == '"' && g_str_has_suffix (line, ".so\""))
        {
          line[strlen (line) - 1] = '\0';
          add_file_facts (checksum, line + 1);
        }
      line = eol != NULL ? eol + 1 : NULL;
    }
}

/* A zone's rules, as each reader has them: its file (an IANA name; UTC
 * and AoE are Lectern's own) and libical's VTIMEZONE */
static void
add_zone (GChecksum  *checksum,
          GHashTable *seen,
          const char *zone)
{
  const char *dir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *vtimezone = NULL;
  gsize len = 0;

  if (zone == NULL || zone[0] == '\0' || !g_hash_table_add (seen, (gpointer) zone))
    return;

  g_checksum_update (checksum, (const guchar *) zone, strlen (zone) + 1);
  if (strstr (zone, "..") != NULL)
    return;
  path = zone[0] == '/' ? g_strdup (zone)
                        : g_build_filename (dir != NULL && dir[0] != '\0' ? dir : "/usr/share/zoneinfo", zone, NULL);
  if (g_file_get_contents (path, &contents, &len, NULL))
    g_checksum_update (checksum, (const guchar *) contents, len);

  vtimezone = lectern_site_ical_zone_text (zone);
  add_text (checksum, vtimezone);
}

/* GLib's view of the workshop's zone: its offset and name at each hour
 * of each day of the schedule and of the day after (a slot may end past
 * midnight) */
static gboolean
add_days_in_zone (GChecksum     *checksum,
                  LecternStore  *store,
                  LecternEvent  *event,
                  GError       **error)
{
  g_autoptr(GListModel) days = lectern_store_list_days (store, error);
  g_autoptr(GTimeZone) tz = NULL;
  const char *zone = lectern_event_get_timezone (event);

  if (days == NULL)
    return FALSE;
  tz = zone != NULL && zone[0] != '\0' ? g_time_zone_new_identifier (zone) : NULL;
  if (tz == NULL)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);
      int y = 0, m = 0, d = 0;

      if (sscanf (lectern_day_get_date (day), "%d-%d-%d", &y, &m, &d) != 3)
        continue;
      for (int hour = 0; hour < 48; hour++)
        {
          g_autoptr(GDateTime) midnight = g_date_time_new (tz, y, m, d, 0, 0, 0);
          g_autoptr(GDateTime) at = midnight != NULL ? g_date_time_add_hours (midnight, hour) : NULL;
          gint64 offset = at != NULL ? g_date_time_get_utc_offset (at) : 0;

          g_checksum_update (checksum, (const guchar *) &offset, sizeof offset);
          add_text (checksum, at != NULL ? g_date_time_get_timezone_abbreviation (at) : "");
        }
    }

  return TRUE;
}

/**
 * lectern_site_memo_key:
 * @now: the moment of the export (as given to lectern_site_render_at())
 *
 * Returns: (transfer full) (nullable): the key of everything a render of
 *   @store at @now reads; %NULL with @error set when the file could not
 *   be read, and %NULL alone when no key can tell (an image that only
 *   one of gdk-pixbuf's loader modules reads)
 */
char *
lectern_site_memo_key (LecternStore  *store,
                       GDateTime     *now,
                       GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autoptr(GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(LecternCfp) cfp = NULL;
  g_autoptr(GListModel) dates = NULL;
  g_autofree char *note = NULL;
  const char *const *languages = g_get_language_names ();
  gint64 unusual;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  add_text (checksum, MEMO_FORMAT " " PACKAGE_VERSION);
  dl_iterate_phdr (add_build_id, checksum);
  add_pixbuf_loaders (checksum);
  for (guint i = 0; languages[i] != NULL; i++)
    add_text (checksum, languages[i]);

  unusual = lectern_store_count_unusual_images (store, error);
  if (unusual != 0)
    return NULL;

  if (!lectern_store_digest_contents (store, checksum, error) ||
      !(event = lectern_store_get_event (store, error)) ||
      !(cfp = lectern_store_get_cfp (store, error)) ||
      !(dates = lectern_store_list_cfp_dates (store, error)))
    return NULL;

  note = lectern_site_render_note_line (event, now);
  add_text (checksum, note);
  add_text (checksum, lectern_cfp_get_published (cfp)
                      ? lectern_cfp_state_to_string (lectern_cfp_get_state (cfp, dates, now)) : "");

  add_zone (checksum, zones, lectern_event_get_timezone (event));
  if (!add_days_in_zone (checksum, store, event, error))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);
      g_autoptr(GDateTime) moment = lectern_cfp_date_dup_moment (date);
      g_autofree char *iso = moment != NULL ? g_date_time_format_iso8601 (moment) : NULL;

      /* the model keeps the date, and so its zone, alive */
      add_zone (checksum, zones, lectern_cfp_date_get_zone (date));
      add_text (checksum, iso);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * lectern_site_memo_list:
 * @files: (element-type LecternExportFile): the export's files
 *
 * Returns: (transfer full): a line per file: kind, hash, path (a path
 *   holds no newline: lectern_validate_site_path())
 */
char *
lectern_site_memo_list (GPtrArray *files)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);
      g_autofree char *sha1 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, file->contents);

      g_string_append_printf (list, "%d %s %s\n", (int) file->kind, sha1, file->path);
    }

  return g_string_free (list, FALSE);
}

/**
 * lectern_site_memo_format:
 * @key: lectern_site_memo_key() of the file as the export left it
 * @list: lectern_site_memo_list() of the export's files
 *
 * Returns: (transfer full): the note: the format and key on the first
 *   line, then @list
 */
char *
lectern_site_memo_format (const char *key,
                          const char *list)
{
  return g_strdup_printf (MEMO_FORMAT " %s\n%s", key, list);
}

/**
 * lectern_site_memo_parse:
 * @memo: (nullable): a note from lectern_site_memo_format()
 * @key: (out) (transfer full) (optional): the key it was noted under
 *
 * Returns: (transfer full) (nullable) (element-type LecternSiteMemoFile):
 *   the files the note lists, when it is of this format; else %NULL (and
 *   a note that does not read is as none)
 */
GPtrArray *
lectern_site_memo_parse (const char  *memo,
                         char       **key)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_site_memo_file_free);
  g_auto(GStrv) lines = NULL;
  const char *first;

  if (key != NULL)
    *key = NULL;
  if (memo == NULL)
    return NULL;

  lines = g_strsplit (memo, "\n", -1);
  first = lines[0];
  if (!g_str_has_prefix (first, MEMO_FORMAT " ") || strlen (first) != strlen (MEMO_FORMAT) + 41)
    return NULL;

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      LecternSiteMemoFile *file;
      char *end = NULL;
      gint64 kind = g_ascii_strtoll (lines[i], &end, 10);
      const char *sha1 = end != NULL && end != lines[i] && *end == ' ' ? end + 1 : NULL;

      if (sha1 == NULL || kind < LECTERN_SITE_FILE_CARD || kind > LECTERN_SITE_FILE_PROGRAM ||
          strlen (sha1) < 42 || sha1[40] != ' ' || sha1[41] == '\0')
        return NULL;

      file = g_new0 (LecternSiteMemoFile, 1);
      file->kind = (LecternSiteFileKind) kind;
      file->sha1 = g_strndup (sha1, 40);
      file->path = g_strdup (sha1 + 41);
      g_ptr_array_add (files, file);
    }

  if (files->len == 0)
    return NULL;
  if (key != NULL)
    *key = g_strdup (first + strlen (MEMO_FORMAT) + 1);
  return g_steal_pointer (&files);
}
