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
 * Then the home page (_pages/about.md) and _config.yml: the event's
 * details (lectern-event-reader.c) and the schedule table(s)
 * (lectern-schedule-reader.c), whose people are the cards' people where
 * the names match, and new people without a card where they do not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-cfp-reader.h"
#include "lectern-event-reader.h"
#include "lectern-site-page.h"
#include "lectern-export-result.h"
#include "lectern-schedule-reader.h"
#include "lectern-site-diff.h"
#include "lectern-site-encoding.h"
#include "lectern-site-folder.h"
#include "lectern-site-image.h"
#include "lectern-site-import.h"
#include "lectern-store-site.h"

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
  GBytes     *bytes;       /* the card as the site has it */
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
  g_clear_pointer (&entry->bytes, g_bytes_unref);
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

/* Text, or a clear error naming the line where it stops being text */
static gboolean
text_is_utf8 (const char  *data,
              gsize        length,
              const char  *path,
              GError     **error)
{
  const char *bad = NULL;
  guint line = 1;

  if (g_utf8_validate (data, length, &bad))
    return TRUE;

  for (const char *p = data; p < bad; p++)
    line += *p == '\n';
  g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
               _("%s, line %u: not UTF-8 text (a binary file, or text in another encoding). "
                 "Nothing was imported."), path, line);
  return FALSE;
}

/* Names compare without case or accents' encoding differences, spaces collapsed */
static char *
name_key (const char *name)
{
  g_autofree char *plain = lectern_site_plain_text (name);
  g_autofree char *normal = g_utf8_normalize (plain, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : plain, -1);
}

static gboolean
read_entry (LecternSiteFolder  *folder,
            const char         *file,
            GPtrArray          *notes,
            Entry             **out,
            GError            **error)
{
  g_autofree char *path = g_strdup_printf ("_projects/%s", file);
  g_autoptr(GBytes) bytes = lectern_site_folder_read (folder, path, error);
  g_autoptr(GHashTable) front = NULL;
  const char *importance;
  const char *data;
  g_autoptr(GBytes) original = NULL;
  gsize length;
  Entry *entry;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!text_is_utf8 (data, length, path, error))
    return FALSE;
  original = g_bytes_ref (bytes);
  {
    char *repaired = lectern_site_repair_encoding (data, length, path, notes);

    if (repaired != NULL)
      {
        g_bytes_unref (bytes);
        bytes = g_bytes_new_take (repaired, strlen (repaired));
      }
  }

  front = lectern_site_parse_front_matter (bytes, path, error);
  if (front == NULL)
    return FALSE;

  entry = g_new0 (Entry, 1);
  entry->bytes = g_steal_pointer (&original);
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
    {
      g_ptr_array_add (notes, g_strdup_printf (_("The image %s could not be read (%s); the card keeps its path."),
                                               img, error->message));
      return NULL;
    }

  /* a file that is not an image is not taken for one */
  {
    g_autoptr(GdkPixbuf) pixbuf = lectern_site_image_load (bytes, &error);

    if (pixbuf == NULL)
      {
        g_ptr_array_add (notes, g_strdup_printf (_("The image %s is not an image that can be read (%s); "
                                                   "the card keeps its path, without the image."),
                                                 img, error->message));
        g_clear_pointer (&bytes, g_bytes_unref);
      }
  }
  return bytes;
}

static gboolean
card_role_taken (GHashTable    *roles,
                 LecternPerson *person,
                 LecternRole    role)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d", lectern_person_get_id (person), role);

  return g_hash_table_contains (roles, key);
}

/* "dylan_speaker" -> speaker, "ce_panelist" -> panelist */
static LecternRole
hidden_role (const char  *slug,
             LecternRole  role)
{
  for (LecternRole r = 0; r < LECTERN_N_ROLES; r++)
    {
      g_autofree char *suffix = g_strconcat ("_", lectern_role_to_string (r), NULL);

      if (g_str_has_suffix (slug, suffix))
        return r;
    }
  return role;
}

static gboolean
import_entry (LecternStore       *store,
              LecternSiteFolder  *folder,
              Entry              *entry,
              GHashTable         *people,
              GHashTable         *sponsors,
              GHashTable         *roles,
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
      g_hash_table_insert (sponsors, name_key (entry->name), g_object_ref (sponsor));
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
  {
    g_autofree char *key = name_key (entry->name);

    person = g_hash_table_lookup (people, key);
  }
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
      g_hash_table_insert (people, name_key (entry->name), person);
      counts->people++;
    }

  /* a hidden card does not say its list: its name may ("dylan_speaker"),
   * and a person's second hidden card takes a list they have no card in */
  if (hidden)
    role = hidden_role (entry->slug, role);
  if (hidden && card_role_taken (roles, person, role))
    {
      static const LecternRole order[] = {
        LECTERN_ROLE_SPEAKER, LECTERN_ROLE_PANELIST, LECTERN_ROLE_ORGANIZER, LECTERN_ROLE_MODERATOR,
      };

      for (guint i = 0; i < G_N_ELEMENTS (order) && card_role_taken (roles, person, role); i++)
        role = order[i];
      g_ptr_array_add (notes, g_strdup_printf (_("_projects/%s.md is a hidden card (category none) of "
                                                 "%s, who has another: imported as a hidden %s card."),
                                               entry->slug, entry->name, lectern_role_to_string (role)));
    }
  g_hash_table_add (roles, g_strdup_printf ("%" G_GINT64_FORMAT ":%d", lectern_person_get_id (person), role));

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

/* ------------------------------------------------------------------ */
/* The event and the schedule                                          */

typedef struct
{
  LecternStore            *store;
  GHashTable              *people;     /* name key -> LecternPerson */
  GHashTable              *sponsors;   /* name key -> LecternSponsor */
  GPtrArray               *notes;
  GPtrArray               *no_card;    /* names of people the schedule added */
  LecternSiteImportCounts *counts;
} ScheduleImport;

/* "Yi Wu": first name "Yi", family name "Wu" */
static LecternPerson *
person_for (ScheduleImport     *self,
            LecternReadPerson  *read,
            GError            **error)
{
  g_autofree char *key = name_key (read->name);
  LecternPerson *person = g_hash_table_lookup (self->people, key);
  const char *space;

  if (person != NULL)
    return person;

  person = lectern_person_new ();
  space = strrchr (read->name, ' ');
  lectern_person_set_name (person, read->name);
  if (space != NULL)
    {
      g_autofree char *first = g_strndup (read->name, space - read->name);

      lectern_person_set_first_name (person, first);
      lectern_person_set_family_name (person, space + 1);
    }
  else
    lectern_person_set_first_name (person, read->name);
  lectern_person_set_affiliation (person, read->affiliation);

  if (!lectern_store_add_person (self->store, person, error))
    {
      g_object_unref (person);
      return NULL;
    }

  g_hash_table_insert (self->people, g_steal_pointer (&key), person);
  g_ptr_array_add (self->no_card, g_strdup (read->name));
  self->counts->schedule_people++;
  return person;
}

static gboolean
import_slot (ScheduleImport   *self,
             LecternReadSlot  *read,
             gint64            day_id,
             gint64            session_id,
             GError          **error)
{
  g_autoptr(LecternSlot) slot = lectern_slot_new ();

  lectern_slot_set_day_id (slot, day_id);
  lectern_slot_set_session_id (slot, session_id);
  lectern_slot_set_start (slot, read->start);
  lectern_slot_set_duration (slot, MAX (read->duration, 5));
  lectern_slot_set_kind (slot, read->kind);
  lectern_slot_set_emoji (slot, read->emoji);
  lectern_slot_set_title (slot, read->title);
  lectern_slot_set_abstract (slot, read->abstract);
  lectern_slot_set_note (slot, read->note);
  lectern_slot_set_note_link_text (slot, read->note_link_text);
  lectern_slot_set_note_url (slot, read->note_url);

  if (read->sponsor != NULL)
    {
      g_autofree char *key = name_key (read->sponsor);
      LecternSponsor *sponsor = g_hash_table_lookup (self->sponsors, key);

      if (sponsor != NULL)
        lectern_slot_set_sponsor_id (slot, lectern_sponsor_get_id (sponsor));
      else
        g_ptr_array_add (self->notes,
                         g_strdup_printf (_("_pages/about.md, line %u: “%s” is sponsored by “%s”, who has "
                                            "no sponsor card; add the sponsor and set it on the slot."),
                                          read->line, read->title, read->sponsor));
    }

  for (guint i = 0; i < read->people->len; i++)
    {
      LecternReadPerson *who = g_ptr_array_index (read->people, i);
      LecternPerson *person = person_for (self, who, error);
      const char *affiliation = who->affiliation;

      if (person == NULL)
        return FALSE;

      /* the slot keeps an affiliation only where it differs */
      if (g_strcmp0 (affiliation, lectern_person_get_affiliation (person)) == 0)
        affiliation = NULL;
      lectern_slot_add_appearance (slot, lectern_person_get_id (person), who->role, affiliation);
    }

  for (guint i = 0; i < read->links->len; i++)
    {
      LecternLink *link = g_ptr_array_index (read->links, i);

      lectern_slot_add_link (slot, link->kind, link->url);
    }

  if (!lectern_store_add_slot (self->store, slot, error))
    return FALSE;

  self->counts->slots++;
  return TRUE;
}

static gboolean
import_schedule (ScheduleImport       *self,
                 LecternReadSchedule  *schedule,
                 LecternEvent         *event,
                 GError              **error)
{
  for (guint d = 0; d < schedule->days->len; d++)
    {
      LecternReadDay *read = g_ptr_array_index (schedule->days, d);
      g_autoptr(LecternDay) day = NULL;
      g_autoptr(GArray) session_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
      g_autofree char *date = g_strdup (read->date);

      if (date == NULL && lectern_event_get_start_date (event) != NULL &&
          *lectern_event_get_start_date (event) != '\0')
        date = g_strdup (lectern_event_get_start_date (event));
      if (date == NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          date = g_date_time_format (now, "%Y-%m-%d");
          g_ptr_array_add (self->notes,
                           g_strdup_printf (_("The schedule’s day gives no date, and neither does the page; "
                                              "it was put on %s. Set the date on the Event page."), date));
        }

      day = lectern_store_add_day (self->store, date, error);
      if (day == NULL)
        return FALSE;
      self->counts->days++;

      for (guint i = 0; i < read->sessions->len; i++)
        {
          LecternReadSession *rs = g_ptr_array_index (read->sessions, i);
          g_autoptr(LecternSession) session = NULL;
          gint64 id = 0;

          /* a heading with no talks under it was reported and left out */
          for (guint k = 0; k < read->slots->len && id == 0; k++)
            if (((LecternReadSlot *) g_ptr_array_index (read->slots, k))->session == (int) i)
              {
                session = lectern_store_add_session (self->store, lectern_day_get_id (day), rs->title,
                                                     rs->emoji ? rs->emoji : "", error);
                if (session == NULL)
                  return FALSE;
                id = lectern_session_get_id (session);
              }
          g_array_append_val (session_ids, id);
        }

      for (guint i = 0; i < read->slots->len; i++)
        {
          LecternReadSlot *slot = g_ptr_array_index (read->slots, i);
          gint64 session_id = slot->session >= 0 ? g_array_index (session_ids, gint64, slot->session) : 0;

          if (!import_slot (self, slot, lectern_day_get_id (day), session_id, error))
            return FALSE;
        }
    }

  if (self->no_card->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (self->no_card, NULL);
      list = g_strjoinv (", ", (char **) self->no_card->pdata);
      g_ptr_array_add (self->notes,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u person of the schedule has no card on the site "
                                                     "and was added without one: %s.",
                                                     "%u people of the schedule have no card on the site "
                                                     "and were added without one: %s.",
                                                     self->no_card->len - 1),
                                        self->no_card->len - 1, list));
    }

  return schedule->days->len == 0 || lectern_store_fit_day_hours (self->store, error);
}

typedef struct
{
  LecternReadSchedule *schedule;
  LecternEvent        *event;
  GBytes              *page;      /* as the site has it */
} HomePage;

static void
home_page_clear (HomePage *home)
{
  g_clear_pointer (&home->schedule, lectern_read_schedule_free);
  g_clear_object (&home->event);
  g_clear_pointer (&home->page, g_bytes_unref);
}

/* The home page and _config.yml, read before anything is written */
static gboolean
read_home_page (LecternStore       *store,
                LecternSiteFolder  *folder,
                HomePage           *home,
                GPtrArray          *notes,
                GError            **error)
{
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GBytes) config_bytes = NULL;
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;
  const char *text;

  home->event = lectern_store_get_event (store, error);
  if (home->event == NULL)
    return FALSE;

  config_bytes = lectern_site_folder_read (folder, "_config.yml", NULL);
  if (config_bytes != NULL)
    {
      const char *config_text = g_bytes_get_data (config_bytes, &length);

      config = lectern_site_read_yaml_mapping (config_text, length);
      if (config == NULL)
        g_ptr_array_add (notes, g_strdup (_("_config.yml cannot be read as YAML; the workshop’s name "
                                            "and address were not taken from it.")));
    }

  page = lectern_site_folder_read (folder, "_pages/about.md", &local);
  if (page == NULL)
    {
      g_ptr_array_add (notes, g_strdup_printf (_("The home page could not be read (%s): no event details "
                                                 "and no schedule were imported."), local->message));
      return TRUE;
    }

  text = g_bytes_get_data (page, &length);
  if (!text_is_utf8 (text, length, "_pages/about.md", error))
    return FALSE;
  home->page = g_bytes_ref (page);
  {
    char *repaired = lectern_site_repair_encoding (text, length, "_pages/about.md", notes);

    if (repaired != NULL)
      {
        length = strlen (repaired);
        g_bytes_unref (page);
        page = g_bytes_new_take (repaired, length);
        text = g_bytes_get_data (page, NULL);
      }
  }
  home->schedule = lectern_schedule_read (text, length, "_pages/about.md",
                                          lectern_event_get_year (home->event), error);
  if (home->schedule == NULL)
    return FALSE;

  lectern_site_read_event (home->event, text, length, config, home->schedule, notes);

  /* the year the page gives, for dates that give none */
  if (lectern_event_get_year (home->event) > 0)
    {
      lectern_read_schedule_free (home->schedule);
      home->schedule = lectern_schedule_read (text, length, "_pages/about.md",
                                              lectern_event_get_year (home->event), error);
      if (home->schedule == NULL)
        return FALSE;
    }

  if (home->schedule->days->len == 0)
    g_ptr_array_add (notes, g_strdup (_("_pages/about.md has no schedule table (a table whose first "
                                        "column gives times); no schedule was imported.")));

  for (guint i = 0; i < home->schedule->notes->len; i++)
    g_ptr_array_add (notes, g_strdup (g_ptr_array_index (home->schedule->notes, i)));

  return TRUE;
}

/**
 * lectern_site_import:
 * @store: the workshop file to import into
 * @site_dir: the site's checkout
 * @counts: (out): what was imported
 * @notes: (out) (transfer full): what could not be imported as it was,
 *   or was chosen, in words, each naming its file (and line)
 *
 * The cards, the event's details and the schedule, in one transaction
 * and one undo step.
 *
 * Returns: whether the site was imported (all of it; on an error,
 *   nothing)
 */
gboolean
lectern_site_import (LecternStore            *store,
                     const char              *site_dir,
                     LecternSiteImportCounts *counts,
                     GPtrArray              **notes,
                     GError                 **error)
{
  g_autoptr(LecternSiteFolder) folder = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) sponsors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) no_card = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *label = NULL;
  HomePage home = { NULL, NULL, NULL };
  g_autoptr(LecternCfpReading) call = NULL;
  ScheduleImport schedule = { store, people, sponsors, found, no_card, counts };
  gboolean ok;

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
      if (!read_entry (folder, file, found, &entry, error))
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

  if (!read_home_page (store, folder, &home, found, error))
    {
      home_page_clear (&home);
      return FALSE;
    }

  /* the call for papers, where the site has its page */
  {
    g_autoptr(GBytes) bytes = lectern_site_folder_read (folder, LECTERN_SITE_CALL_PAGE, NULL);
    g_autofree char *text = bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;

    if (text != NULL && g_utf8_validate (text, -1, NULL))
      call = lectern_cfp_read_page (LECTERN_SITE_CALL_PAGE, text, found);
  }

  label = g_strdup_printf (_("Import the site “%s”"), site_dir);
  if (!lectern_store_begin_action (store, label, error))
    {
      home_page_clear (&home);
      return FALSE;
    }

  ok = TRUE;
  for (guint i = 0; ok && i < entries->len; i++)
    ok = import_entry (store, folder, g_ptr_array_index (entries, i), people, sponsors, roles, found,
                       counts, error);

  /* what the site has, for the first export's positions and the hand
   * edits check --site reports afterwards */
  if (ok)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_site_record_free);

      for (guint i = 0; i < entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (entries, i);
          g_autofree char *path = g_strdup_printf ("_projects/%s.md", entry->slug);

          g_ptr_array_add (records, lectern_site_record_new (path, entry->bytes, entry->category,
                                                             entry->importance > 0 && entry->importance < G_MAXINT
                                                             ? (int) entry->importance : -1));
        }
      if (home.page != NULL)
        g_ptr_array_add (records, lectern_site_record_new ("_pages/about.md", home.page, NULL, -1));
      ok = lectern_store_set_site_records (store, records, "_projects/", error);
    }

  if (ok)
    ok = lectern_store_update_event (store, home.event, error);
  if (ok && home.schedule != NULL)
    ok = import_schedule (&schedule, home.schedule, home.event, error);
  if (ok && call != NULL)
    {
      guint n_topics = 0;

      ok = lectern_cfp_reading_store (call, store, error);
      for (guint i = 0; i < call->groups->len; i++)
        n_topics += ((LecternCfpReadGroup *) g_ptr_array_index (call->groups, i))->items->len;
      counts->cfp_dates = call->dates->len;
      counts->cfp_topics = n_topics;
      g_ptr_array_add (found, g_strdup_printf (_("The call for papers was read from %s: %u dates, %u topics in %u groups. "
                                                 "Lectern writes it into the site once it is shown there "
                                                 "(the Call page, or lectern cfp publish)."),
                                               LECTERN_SITE_CALL_PAGE, call->dates->len, n_topics, call->groups->len));
    }
  home_page_clear (&home);

  if (!ok)
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
