/* lectern-site-import.c: a workshop's people, cards and sponsors, read
 * from its al-folio site
 *
 * Every card of `_projects/`, through the site folder's safe reads (no
 * link out of the site is followed): its front matter (libyaml), the
 * title in its "<b>First</b> <br> Last" form or plain, the affiliation
 * (description), the photo or logo (img, with the image file itself),
 * the link (redirect), the position (importance) and the list
 * (category, "none" for cards kept but hidden). A person with two cards
 * for two roles is one person. The import is one transaction and one
 * undo step: a card that cannot be read stops it, naming the file, and
 * nothing is imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-site-diff.h"
#include "lectern-site-folder.h"
#include "lectern-site-import.h"

typedef struct
{
  char       *slug;
  char       *first;       /* the bold part of the title, or all of it */
  char       *family;      /* after the <br>, or NULL */
  char       *name;
  char       *affiliation;
  char       *img;
  char       *redirect;
  char       *category;
  gint64      importance;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->slug);
  g_free (entry->first);
  g_free (entry->family);
  g_free (entry->name);
  g_free (entry->affiliation);
  g_free (entry->img);
  g_free (entry->redirect);
  g_free (entry->category);
  g_free (entry);
}

/* "<b>First</b> <br> Last": the first name and the family name */
static void
split_title (const char  *title,
             char       **first,
             char       **family)
{
  const char *br = title != NULL ? strstr (title, "<br") : NULL;
  g_autofree char *before = NULL;

  if (br == NULL)
    {
      *first = lectern_site_plain_text (title);
      *family = NULL;
      return;
    }

  before = g_strndup (title, br - title);
  *first = lectern_site_plain_text (before);
  br = strchr (br, '>');
  *family = lectern_site_plain_text (br != NULL ? br + 1 : "");
  if (**family == '\0')
    g_clear_pointer (family, g_free);
}

static gboolean
read_entry (LecternSiteFolder  *folder,
            const char         *file,
            Entry             **out,
            GError            **error)
{
  g_autofree char *path = g_strdup_printf ("_projects/%s", file);
  g_autoptr(GBytes) bytes = lectern_site_folder_read (folder, path, error);
  g_autoptr(GHashTable) front = NULL;
  const char *importance;
  Entry *entry;

  if (bytes == NULL)
    return FALSE;

  front = lectern_site_read_front_matter (bytes);
  if (front == NULL)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                   _("%s has no front matter that can be read (between “---” lines, in YAML). "
                     "Nothing was imported."), path);
      return FALSE;
    }

  entry = g_new0 (Entry, 1);
  entry->slug = g_strndup (file, strlen (file) - strlen (".md"));
  split_title (g_hash_table_lookup (front, "title"), &entry->first, &entry->family);
  entry->name = entry->family != NULL ? g_strdup_printf ("%s %s", entry->first, entry->family)
                                      : g_strdup (entry->first);
  entry->affiliation = g_strdup (g_hash_table_lookup (front, "description"));
  entry->img = g_strdup (g_hash_table_lookup (front, "img"));
  entry->redirect = g_strdup (g_hash_table_lookup (front, "redirect"));
  entry->category = g_strdup (g_hash_table_lookup (front, "category"));
  importance = g_hash_table_lookup (front, "importance");
  entry->importance = importance != NULL && g_ascii_isdigit (*importance)
                      ? g_ascii_strtoll (importance, NULL, 10) : G_MAXINT;

  if (*entry->name == '\0')
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                   _("%s has no title, so it names nobody. Nothing was imported."), path);
      entry_free (entry);
      return FALSE;
    }

  *out = entry;
  return TRUE;
}

/* The site's order: per list, by position, then by file name */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(const Entry * const *) a;
  const Entry *y = *(const Entry * const *) b;

  if (x->importance != y->importance)
    return x->importance < y->importance ? -1 : 1;

  return strcmp (x->slug, y->slug);
}

static GBytes *
read_image (LecternSiteFolder *folder,
            const char        *img,
            GPtrArray         *notes)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (img == NULL || *img == '\0' || strstr (img, "://") != NULL)
    return NULL;

  bytes = lectern_site_folder_read (folder, img[0] == '/' ? img + 1 : img, &error);
  if (bytes == NULL)
    g_ptr_array_add (notes, g_strdup_printf (_("The image %s could not be read (%s); the card keeps its path."),
                                             img, error->message));
  return bytes;
}

static gboolean
import_entry (LecternStore       *store,
              LecternSiteFolder  *folder,
              Entry              *entry,
              GHashTable         *people,
              GPtrArray          *notes,
              LecternSiteImportCounts *counts,
              GError            **error)
{
  g_autoptr(GBytes) image = read_image (folder, entry->img, notes);
  gboolean hidden = g_strcmp0 (entry->category, "none") == 0;
  LecternRole role = LECTERN_ROLE_SPEAKER;
  LecternPerson *person;
  g_autoptr(LecternCard) card = NULL;

  if (g_strcmp0 (entry->category, "sponsor") == 0)
    {
      g_autoptr(LecternSponsor) sponsor = lectern_sponsor_new ();

      lectern_sponsor_set_name (sponsor, entry->name);
      lectern_sponsor_set_url (sponsor, entry->redirect);
      lectern_sponsor_set_slug (sponsor, entry->slug);
      lectern_sponsor_set_logo_path (sponsor, entry->img);
      if (image != NULL)
        lectern_sponsor_set_logo (sponsor, image);
      if (!lectern_store_add_sponsor (store, sponsor, error))
        return FALSE;
      counts->sponsors++;
      return TRUE;
    }

  if (g_strcmp0 (entry->category, "panelist") == 0)
    role = LECTERN_ROLE_PANELIST;
  else if (g_strcmp0 (entry->category, "organizer") == 0)
    role = LECTERN_ROLE_ORGANIZER;
  else if (!hidden && g_strcmp0 (entry->category, "speaker") != 0)
    g_ptr_array_add (notes, g_strdup_printf (_("_projects/%s.md is in the list “%s”, which Lectern does "
                                               "not know: imported as a speaker."),
                                             entry->slug, entry->category ? entry->category : ""));

  /* one person, however many cards */
  person = g_hash_table_lookup (people, entry->name);
  if (person == NULL)
    {
      person = lectern_person_new ();
      lectern_person_set_name (person, entry->name);
      lectern_person_set_first_name (person, entry->first);
      lectern_person_set_family_name (person, entry->family);
      lectern_person_set_affiliation (person, entry->affiliation);
      lectern_person_set_homepage (person, entry->redirect);
      lectern_person_set_image_path (person, entry->img);
      if (image != NULL)
        lectern_person_set_photo (person, image);
      if (!lectern_store_add_person (store, person, error))
        {
          g_object_unref (person);
          return FALSE;
        }
      g_hash_table_insert (people, g_strdup (entry->name), person);
      counts->people++;
    }

  card = lectern_store_add_card (store, person, role, entry->slug, error);
  if (card == NULL)
    return FALSE;

  if (hidden)
    {
      lectern_card_set_archived (card, TRUE);
      if (!lectern_store_update_card (store, card, error))
        return FALSE;
    }

  counts->cards++;
  return TRUE;
}

/**
 * lectern_site_import_cards:
 * @store: the workshop file to import into
 * @site_dir: the site's checkout
 * @counts: (out): what was imported
 * @notes: (out) (transfer full): what could not be imported as it was,
 *   in words, each naming the file
 *
 * Returns: whether the cards were imported (all of them; on an error,
 *   none)
 */
gboolean
lectern_site_import_cards (LecternStore            *store,
                           const char              *site_dir,
                           LecternSiteImportCounts *counts,
                           GPtrArray              **notes,
                           GError                 **error)
{
  g_autoptr(LecternSiteFolder) folder = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), FALSE);
  g_return_val_if_fail (site_dir != NULL && counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  if (!(folder = lectern_site_folder_open (site_dir, error)))
    return FALSE;
  if (!(files = lectern_site_folder_list (folder, "_projects", error)))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      Entry *entry = NULL;

      if (!g_str_has_suffix (file, ".md") || file[0] == '.' || lectern_site_is_temporary_name (file))
        continue;
      if (!read_entry (folder, file, &entry, error))
        return FALSE;
      g_ptr_array_add (entries, entry);
    }

  if (entries->len == 0)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_SITE,
                   _("“%s” has no cards in _projects/ to import. Nothing was imported."), site_dir);
      return FALSE;
    }

  g_ptr_array_sort (entries, compare_entries);

  label = g_strdup_printf (_("Import the cards of “%s”"), site_dir);
  if (!lectern_store_begin_action (store, label, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    if (!import_entry (store, folder, g_ptr_array_index (entries, i), people, found, counts, error))
      {
        lectern_store_rollback (store);
        memset (counts, 0, sizeof *counts);
        return FALSE;
      }

  if (!lectern_store_commit (store, error))
    {
      memset (counts, 0, sizeof *counts);
      return FALSE;
    }

  if (notes != NULL)
    *notes = g_steal_pointer (&found);
  return TRUE;
}
