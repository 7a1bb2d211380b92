/* lectern-site-merge.c: a site imported into an existing workshop file,
 * as differences to accept or reject
 *
 * The site is imported into a workshop file of its own, in a temporary
 * folder (lectern-site-import.c), and compared with the organizers'
 * file, by card file name (slug) and by person:
 *  - a card or a sponsor the file does not have is new;
 *  - a field that differs (a person's name, affiliation, link or photo;
 *    a card's list or whether it is hidden; a sponsor's name, link or
 *    logo; an event detail the home page states) is a difference, with
 *    both values;
 *  - a field the site still has as Lectern last wrote it (the record of
 *    the site, lectern-store-site.c) brings no difference: what differs
 *    there is the organizers' newer edit, never overwritten by the
 *    site's older text (a three-way comparison, key by key).
 *  - the schedule table, when the site's page changed since Lectern last
 *    wrote it and its table says otherwise, is one difference, taken
 *    whole (apply_schedule).
 * The differences accepted are applied in one transaction and one undo
 * step: all of them or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lectern-site-diff.h"
#include "lectern-site-folder.h"
#include "lectern-site-import.h"
#include "lectern-site-merge.h"
#include "lectern-site-render.h"
#include "lectern-store-site.h"

struct _LecternSiteMerge
{
  GObject            parent_instance;

  LecternStore      *store;       /* the organizers' file */
  LecternStore      *site;        /* the site, imported into a file of its own */
  LecternSiteFolder *folder;
  char              *tmpdir;
  char              *site_dir;
  GHashTable        *records;     /* the store's record of the site */
  GPtrArray         *differences;
  GPtrArray         *notes;
};

G_DEFINE_FINAL_TYPE (LecternSiteMerge, lectern_site_merge, G_TYPE_OBJECT)

enum
{
  PERSON_NAME,
  PERSON_AFFILIATION,
  PERSON_HOMEPAGE,
  PERSON_IMAGE,
  CARD_ROLE,
  CARD_HIDDEN,
  SPONSOR_NAME,
  SPONSOR_URL,
  SPONSOR_LOGO,
  SPONSOR_HIDDEN,
  EVENT_NAME,
  EVENT_SHORT_NAME,
  EVENT_CONFERENCE,
  EVENT_START_DATE,
  EVENT_END_DATE,
  EVENT_TIMEZONE,
  EVENT_VENUE,
  EVENT_ROOM,
  EVENT_ROOM_MAP,
  EVENT_CONTACT,
  EVENT_SITE_URL,
  EVENT_OPENREVIEW,
  EVENT_PLAN_HEADING,
};

static void
difference_free (gpointer data)
{
  LecternMergeDifference *d = data;

  g_free (d->path);
  g_free (d->subject);
  g_free (d->field);
  g_free (d->ours);
  g_free (d->theirs);
  g_free (d);
}

static void
lectern_site_merge_finalize (GObject *object)
{
  LecternSiteMerge *self = LECTERN_SITE_MERGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->site);
  g_clear_object (&self->folder);
  if (self->tmpdir != NULL)
    {
      g_autofree char *path = g_build_filename (self->tmpdir, "site.lectern", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (self->tmpdir);
    }
  g_free (self->tmpdir);
  g_free (self->site_dir);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_site_merge_parent_class)->finalize (object);
}

static void
lectern_site_merge_class_init (LecternSiteMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_site_merge_finalize;
}

static void
lectern_site_merge_init (LecternSiteMerge *self)
{
  self->differences = g_ptr_array_new_with_free_func (difference_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
}

static const char *
text (const char *s)
{
  return s != NULL ? s : "";
}

static void
add_difference (LecternSiteMerge *self,
                LecternMergeKind  kind,
                const char       *path,
                const char       *subject,
                const char       *field,
                int               key,
                gint64            id,
                const char       *ours,
                const char       *theirs)
{
  LecternMergeDifference *d;

  /* a person with two cards differs once */
  for (guint i = 0; i < self->differences->len; i++)
    {
      LecternMergeDifference *other = g_ptr_array_index (self->differences, i);

      if (other->kind == kind && other->key == key && other->id == id && kind != LECTERN_MERGE_NEW_CARD &&
          kind != LECTERN_MERGE_NEW_SPONSOR)
        return;
    }

  d = g_new0 (LecternMergeDifference, 1);
  d->kind = kind;
  d->path = g_strdup (path);
  d->subject = g_strdup (subject);
  d->field = g_strdup (field);
  d->key = key;
  d->id = id;
  d->ours = g_strdup (text (ours));
  d->theirs = g_strdup (text (theirs));
  g_ptr_array_add (self->differences, d);
}

static gboolean kept_since_export (LecternSiteMerge *self, const char *path, const char *key);

/* The card's key each field is written to */
static const char *
site_key (int key)
{
  switch (key)
    {
    case PERSON_NAME: case SPONSOR_NAME: return "title";
    case PERSON_AFFILIATION: return "description";
    case PERSON_HOMEPAGE: case SPONSOR_URL: return "redirect";
    case PERSON_IMAGE: case SPONSOR_LOGO: return "img";
    case CARD_ROLE: case CARD_HIDDEN: case SPONSOR_HIDDEN: return "category";
    default: return NULL;
    }
}

static void
compare_text (LecternSiteMerge *self,
              LecternMergeKind  kind,
              const char       *path,
              const char       *subject,
              const char       *field,
              int               key,
              gint64            id,
              const char       *ours,
              const char       *theirs)
{
  if (g_strcmp0 (text (ours), text (theirs)) == 0)
    return;
  if (site_key (key) != NULL && kept_since_export (self, path, site_key (key)))
    return;
  add_difference (self, kind, path, subject, field, key, id, ours, theirs);
}

/* Does the site still have @key of the card as Lectern last wrote it
 * (or read it, importing)? Then what differs there is the organizers'
 * newer edit, not the site's: a three-way comparison, key by key. */
static gboolean
kept_since_export (LecternSiteMerge *self,
                   const char       *path,
                   const char       *key)
{
  LecternSiteRecord *record = g_hash_table_lookup (self->records, path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GHashTable) then = NULL;

  if (record == NULL || record->contents == NULL ||
      !(bytes = lectern_site_folder_read (self->folder, path, NULL)))
    return FALSE;

  now = lectern_site_read_front_matter (bytes);
  then = lectern_site_read_front_matter (record->contents);
  if (now == NULL || then == NULL)
    return FALSE;

  return g_strcmp0 (text (g_hash_table_lookup (now, key)), text (g_hash_table_lookup (then, key))) == 0;
}

static GHashTable *
cards_by_slug (LecternStore  *store,
               GError       **error)
{
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, -1, error);
  GHashTable *by_slug;

  if (cards == NULL)
    return NULL;

  by_slug = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      LecternCard *card = g_list_model_get_item (cards, i);

      g_hash_table_insert (by_slug, g_strdup (lectern_card_get_slug (card)), card);
    }
  return by_slug;
}

static gboolean
compare_cards (LecternSiteMerge  *self,
               GError           **error)
{
  g_autoptr(GHashTable) ours = cards_by_slug (self->store, error);
  g_autoptr(GListModel) theirs = NULL;

  if (ours == NULL || !(theirs = lectern_store_list_cards (self->site, -1, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (theirs, i);
      const char *slug = lectern_card_get_slug (card);
      g_autofree char *path = g_strdup_printf ("_projects/%s.md", slug);
      LecternCard *mine = g_hash_table_lookup (ours, slug);
      LecternPerson *them = lectern_card_get_person (card);
      LecternPerson *me;
      gint64 id;

      if (mine == NULL)
        {
          g_autofree char *what = g_strdup_printf ("%s, %s", lectern_person_get_name (them),
                                                   lectern_card_get_archived (card)
                                                   ? _("hidden")
                                                   : lectern_role_to_string (lectern_card_get_role (card)));

          add_difference (self, LECTERN_MERGE_NEW_CARD, path, lectern_person_get_name (them), _("card"), 0,
                          lectern_card_get_id (card), NULL, what);
          continue;
        }

      me = lectern_card_get_person (mine);
      id = lectern_person_get_id (me);
      compare_text (self, LECTERN_MERGE_PERSON, path, lectern_person_get_name (me), _("name"), PERSON_NAME, id,
                    lectern_person_get_name (me), lectern_person_get_name (them));
      compare_text (self, LECTERN_MERGE_PERSON, path, lectern_person_get_name (me), _("affiliation"), PERSON_AFFILIATION, id,
                    lectern_person_get_affiliation (me), lectern_person_get_affiliation (them));
      compare_text (self, LECTERN_MERGE_PERSON, path, lectern_person_get_name (me), _("link"), PERSON_HOMEPAGE, id,
                    lectern_person_get_homepage (me), lectern_person_get_homepage (them));
      /* a photo Lectern keeps itself has no path on the site to compare */
      if (*text (lectern_person_get_image_path (me)) != '\0' || lectern_person_get_photo (me) == NULL)
        compare_text (self, LECTERN_MERGE_PERSON, path, lectern_person_get_name (me), _("photo"), PERSON_IMAGE, id,
                      lectern_person_get_image_path (me), lectern_person_get_image_path (them));

      id = lectern_card_get_id (mine);
      if (kept_since_export (self, path, "category"))
        continue;
      if (lectern_card_get_archived (mine) != lectern_card_get_archived (card))
        add_difference (self, LECTERN_MERGE_CARD, path, lectern_person_get_name (me), _("hidden"), CARD_HIDDEN, id,
                        lectern_card_get_archived (mine) ? _("yes") : _("no"),
                        lectern_card_get_archived (card) ? _("yes") : _("no"));
      /* a hidden card does not say its list */
      else if (!lectern_card_get_archived (card) && lectern_card_get_role (mine) != lectern_card_get_role (card))
        add_difference (self, LECTERN_MERGE_CARD, path, lectern_person_get_name (me), _("list"), CARD_ROLE, id,
                        lectern_role_to_string (lectern_card_get_role (mine)),
                        lectern_role_to_string (lectern_card_get_role (card)));
    }

  return TRUE;
}

static gboolean
compare_sponsors (LecternSiteMerge  *self,
                  GError           **error)
{
  g_autoptr(GListModel) ours = lectern_store_list_sponsors (self->store, error);
  g_autoptr(GListModel) theirs = NULL;

  if (ours == NULL || !(theirs = lectern_store_list_sponsors (self->site, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(LecternSponsor) them = g_list_model_get_item (theirs, i);
      g_autofree char *path = g_strdup_printf ("_projects/%s.md", lectern_sponsor_get_slug (them));
      g_autoptr(LecternSponsor) me = NULL;
      gint64 id;

      for (guint j = 0; j < g_list_model_get_n_items (ours) && me == NULL; j++)
        {
          g_autoptr(LecternSponsor) candidate = g_list_model_get_item (ours, j);

          if (g_strcmp0 (lectern_sponsor_get_slug (candidate), lectern_sponsor_get_slug (them)) == 0)
            me = g_steal_pointer (&candidate);
        }

      if (me == NULL)
        {
          add_difference (self, LECTERN_MERGE_NEW_SPONSOR, path, lectern_sponsor_get_name (them), _("sponsor"), 0,
                          lectern_sponsor_get_id (them), NULL, lectern_sponsor_get_name (them));
          continue;
        }
      id = lectern_sponsor_get_id (me);
      compare_text (self, LECTERN_MERGE_SPONSOR, path, lectern_sponsor_get_name (me), _("name"), SPONSOR_NAME, id,
                    lectern_sponsor_get_name (me), lectern_sponsor_get_name (them));
      compare_text (self, LECTERN_MERGE_SPONSOR, path, lectern_sponsor_get_name (me), _("link"), SPONSOR_URL, id,
                    lectern_sponsor_get_url (me), lectern_sponsor_get_url (them));
      if (*text (lectern_sponsor_get_logo_path (me)) != '\0' || lectern_sponsor_get_logo (me) == NULL)
        compare_text (self, LECTERN_MERGE_SPONSOR, path, lectern_sponsor_get_name (me), _("logo"), SPONSOR_LOGO, id,
                      lectern_sponsor_get_logo_path (me), lectern_sponsor_get_logo_path (them));
      if (lectern_sponsor_get_archived (me) != lectern_sponsor_get_archived (them) &&
          !kept_since_export (self, path, "category"))
        add_difference (self, LECTERN_MERGE_SPONSOR, path, lectern_sponsor_get_name (me), _("hidden"), SPONSOR_HIDDEN, id,
                        lectern_sponsor_get_archived (me) ? _("yes") : _("no"),
                        lectern_sponsor_get_archived (them) ? _("yes") : _("no"));
    }

  return TRUE;
}

typedef const char *(*EventGetter) (LecternEvent *event);
typedef void (*EventSetter) (LecternEvent *event, const char *value);

static const struct
{
  int          key;
  const char  *field;
  EventGetter  get;
  EventSetter  set;
} event_fields[] = {
  { EVENT_NAME, N_("workshop name"), lectern_event_get_name, lectern_event_set_name },
  { EVENT_SHORT_NAME, N_("short name"), lectern_event_get_short_name, lectern_event_set_short_name },
  { EVENT_CONFERENCE, N_("conference"), lectern_event_get_conference, lectern_event_set_conference },
  { EVENT_START_DATE, N_("date"), lectern_event_get_start_date, lectern_event_set_start_date },
  { EVENT_END_DATE, N_("last day"), lectern_event_get_end_date, lectern_event_set_end_date },
  { EVENT_TIMEZONE, N_("time zone"), lectern_event_get_timezone, lectern_event_set_timezone },
  { EVENT_VENUE, N_("venue"), lectern_event_get_venue, lectern_event_set_venue },
  { EVENT_ROOM, N_("room"), lectern_event_get_room, lectern_event_set_room },
  { EVENT_ROOM_MAP, N_("room’s map"), lectern_event_get_room_map_url, lectern_event_set_room_map_url },
  { EVENT_CONTACT, N_("contact e-mail"), lectern_event_get_contact_email, lectern_event_set_contact_email },
  { EVENT_SITE_URL, N_("site address"), lectern_event_get_site_url, lectern_event_set_site_url },
  { EVENT_OPENREVIEW, N_("OpenReview link"), lectern_event_get_openreview_url, lectern_event_set_openreview_url },
  { EVENT_PLAN_HEADING, N_("schedule heading"), lectern_event_get_plan_heading, lectern_event_set_plan_heading },
};

static gboolean
compare_event (LecternSiteMerge  *self,
               GError           **error)
{
  g_autoptr(LecternEvent) ours = lectern_store_get_event (self->store, error);
  g_autoptr(LecternEvent) theirs = NULL;

  if (ours == NULL || !(theirs = lectern_store_get_event (self->site, error)))
    return FALSE;

  /* only what the home page states: a detail it does not give is no
   * difference */
  for (guint i = 0; i < G_N_ELEMENTS (event_fields); i++)
    {
      const char *value = event_fields[i].get (theirs);

      if (*text (value) != '\0')
        compare_text (self, LECTERN_MERGE_EVENT, "_pages/about.md", _("Event"), _(event_fields[i].field),
                      event_fields[i].key, 0, event_fields[i].get (ours), value);
    }

  return TRUE;
}

static guint
count_scheduled (LecternStore *store)
{
  g_autoptr(GListModel) days = lectern_store_list_days (store, NULL);
  guint n = 0;

  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);
      g_autoptr(GListModel) slots = lectern_store_list_slots (store, lectern_day_get_id (day), NULL);

      n += slots != NULL ? g_list_model_get_n_items (slots) : 0;
    }
  return n;
}

/* The table of a schedule block (takes it): its note line is the
 * event's details, compared on their own */
static char *
table_of (char *block)
{
  g_auto(GStrv) lines = g_strsplit (block != NULL ? block : "", "\n", -1);
  GString *table = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '|')
      g_string_append_printf (table, "%s\n", lines[i]);
  g_free (block);
  return g_string_free (table, FALSE);
}

/* The schedules, compared as the site would show them: one difference,
 * taken whole. Only when the site's home page changed since Lectern last
 * wrote it: otherwise what differs is the organizers' newer schedule. */
static void
compare_schedules (LecternSiteMerge *self)
{
  g_autofree char *ours = table_of (lectern_site_render_schedule (self->store, NULL));
  g_autofree char *theirs = table_of (lectern_site_render_schedule (self->site, NULL));
  g_autoptr(GListModel) days = lectern_store_list_days (self->site, NULL);
  LecternSiteRecord *record = g_hash_table_lookup (self->records, "_pages/about.md");
  g_autofree char *what_ours = NULL;
  g_autofree char *what_theirs = NULL;

  if (days == NULL || g_list_model_get_n_items (days) == 0 || g_strcmp0 (ours, theirs) == 0)
    return;

  if (record != NULL)
    {
      g_autoptr(GBytes) page = lectern_site_folder_read (self->folder, "_pages/about.md", NULL);
      g_autofree char *sha1 = page != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, page) : NULL;

      if (g_strcmp0 (sha1, record->sha1) == 0)
        return;
    }

  what_ours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u slot", "%u slots", count_scheduled (self->store)),
                               count_scheduled (self->store));
  what_theirs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u slot", "%u slots", count_scheduled (self->site)),
                                 count_scheduled (self->site));
  add_difference (self, LECTERN_MERGE_SCHEDULE, "_pages/about.md", _("Event"), _("schedule table"), 0, 0,
                  what_ours, what_theirs);
}

/**
 * lectern_site_merge_new:
 * @store: the organizers' workshop file
 * @site_dir: the site's checkout
 *
 * Reads the site and compares it with @store; writes nothing.
 *
 * Returns: (transfer full) (nullable): the merge, with its differences
 */
LecternSiteMerge *
lectern_site_merge_new (LecternStore  *store,
                        const char    *site_dir,
                        GError       **error)
{
  g_autoptr(LecternSiteMerge) self = g_object_new (LECTERN_TYPE_SITE_MERGE, NULL);
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *path = NULL;
  LecternSiteImportCounts counts;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (site_dir != NULL, NULL);

  self->store = g_object_ref (store);
  self->site_dir = g_strdup (site_dir);

  if (!(self->folder = lectern_site_folder_open (site_dir, error)))
    return NULL;
  if (!(self->records = lectern_store_get_site_records (store, error)))
    return NULL;

  self->tmpdir = g_dir_make_tmp ("lectern-merge-XXXXXX", error);
  if (self->tmpdir == NULL)
    return NULL;
  path = g_build_filename (self->tmpdir, "site.lectern", NULL);
  if (!(self->site = lectern_store_create (path, NULL, error)))
    return NULL;
  if (!lectern_site_import (self->site, site_dir, &counts, &notes, error))
    return NULL;
  if (notes != NULL)
    g_ptr_array_extend_and_steal (self->notes, g_steal_pointer (&notes));

  if (!compare_cards (self, error) || !compare_sponsors (self, error) || !compare_event (self, error))
    return NULL;
  compare_schedules (self);

  return g_steal_pointer (&self);
}

/**
 * lectern_site_merge_get_differences:
 *
 * Returns: (transfer none) (element-type LecternMergeDifference): the
 *   differences; set accepted on those to take
 */
GPtrArray *
lectern_site_merge_get_differences (LecternSiteMerge *self)
{
  g_return_val_if_fail (LECTERN_IS_SITE_MERGE (self), NULL);
  return self->differences;
}

/**
 * lectern_site_merge_get_notes:
 *
 * Returns: (transfer none) (element-type utf8): what the import said
 *   about the site, and what is not merged
 */
GPtrArray *
lectern_site_merge_get_notes (LecternSiteMerge *self)
{
  g_return_val_if_fail (LECTERN_IS_SITE_MERGE (self), NULL);
  return self->notes;
}

void
lectern_site_merge_accept_all (LecternSiteMerge *self)
{
  g_return_if_fail (LECTERN_IS_SITE_MERGE (self));

  for (guint i = 0; i < self->differences->len; i++)
    ((LecternMergeDifference *) g_ptr_array_index (self->differences, i))->accepted = TRUE;
}

/* What cannot overwrite anything: new cards and sponsors */
void
lectern_site_merge_accept_new (LecternSiteMerge *self)
{
  g_return_if_fail (LECTERN_IS_SITE_MERGE (self));

  for (guint i = 0; i < self->differences->len; i++)
    {
      LecternMergeDifference *d = g_ptr_array_index (self->differences, i);

      if (d->kind == LECTERN_MERGE_NEW_CARD || d->kind == LECTERN_MERGE_NEW_SPONSOR)
        d->accepted = TRUE;
    }
}

/* "affiliation of _projects/tri.md: “Together” → “Princeton”" */
char *
lectern_merge_difference_describe (const LecternMergeDifference *d)
{
  if (d->kind == LECTERN_MERGE_NEW_CARD || d->kind == LECTERN_MERGE_NEW_SPONSOR)
    return g_strdup_printf (_("%s: new %s (%s)"), d->path, d->field, d->theirs);

  return g_strdup_printf (_("%s: %s “%s” → “%s”"), d->path, d->field, d->ours, d->theirs);
}

static LecternCard *
find_card (LecternStore  *store,
           gint64         id,
           GError       **error)
{
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, -1, error);

  for (guint i = 0; cards != NULL && i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      if (lectern_card_get_id (card) == id)
        return g_steal_pointer (&card);
    }

  if (cards != NULL)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                 _("A card of the merge is gone; nothing was imported."));
  return NULL;
}

static gboolean
apply_new_card (LecternSiteMerge             *self,
                const LecternMergeDifference *d,
                GError                      **error)
{
  g_autoptr(LecternCard) theirs = find_card (self->site, d->id, error);
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(LecternCard) card = NULL;
  LecternPerson *them;

  if (theirs == NULL)
    return FALSE;

  them = lectern_card_get_person (theirs);
  person = lectern_store_find_person_by_name (self->store, lectern_person_get_name (them));
  if (person == NULL)
    {
      person = lectern_person_new ();
      lectern_person_set_name (person, lectern_person_get_name (them));
      lectern_person_set_first_name (person, lectern_person_get_first_name (them));
      lectern_person_set_family_name (person, lectern_person_get_family_name (them));
      lectern_person_set_affiliation (person, lectern_person_get_affiliation (them));
      lectern_person_set_homepage (person, lectern_person_get_homepage (them));
      lectern_person_set_image_path (person, lectern_person_get_image_path (them));
      lectern_person_set_photo (person, lectern_person_get_photo (them));
      if (!lectern_store_add_person (self->store, person, error))
        return FALSE;
    }

  card = lectern_store_add_card (self->store, person, lectern_card_get_role (theirs),
                                 lectern_card_get_slug (theirs), error);
  if (card == NULL)
    return FALSE;
  if (lectern_card_get_archived (theirs))
    {
      lectern_card_set_archived (card, TRUE);
      return lectern_store_update_card (self->store, card, error);
    }
  return TRUE;
}

static gboolean
apply_new_sponsor (LecternSiteMerge             *self,
                   const LecternMergeDifference *d,
                   GError                      **error)
{
  g_autoptr(LecternSponsor) them = lectern_store_get_sponsor (self->site, d->id, error);
  g_autoptr(LecternSponsor) sponsor = lectern_sponsor_new ();

  if (them == NULL)
    return FALSE;

  lectern_sponsor_set_name (sponsor, lectern_sponsor_get_name (them));
  lectern_sponsor_set_url (sponsor, lectern_sponsor_get_url (them));
  lectern_sponsor_set_slug (sponsor, lectern_sponsor_get_slug (them));
  lectern_sponsor_set_logo_path (sponsor, lectern_sponsor_get_logo_path (them));
  lectern_sponsor_set_logo (sponsor, lectern_sponsor_get_logo (them));
  lectern_sponsor_set_archived (sponsor, lectern_sponsor_get_archived (them));
  return lectern_store_add_sponsor (self->store, sponsor, error);
}

/* The target's day of @date, added when it has none */
static LecternDay *
day_of (LecternStore  *store,
        const char    *date,
        GError       **error)
{
  g_autoptr(GListModel) days = lectern_store_list_days (store, error);

  if (days == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);

      if (g_strcmp0 (lectern_day_get_date (day), date) == 0)
        return g_steal_pointer (&day);
    }
  return lectern_store_add_day (store, date, error);
}

/* The site's schedule, in place of the file's: the scheduled slots of
 * the file's days go, the site's come, with their sessions (reused by
 * title), people (by name; new ones without a card) and sponsors (by
 * name). Slots waiting in the pool are not touched. */
static gboolean
apply_schedule (LecternSiteMerge  *self,
                GError           **error)
{
  g_autoptr(GListModel) ours = lectern_store_list_days (self->store, error);
  g_autoptr(GListModel) theirs = NULL;
  g_autoptr(GListModel) their_sessions = NULL;
  g_autoptr(GListModel) our_sponsors = NULL;

  if (ours == NULL || !(theirs = lectern_store_list_days (self->site, error)) ||
      !(their_sessions = lectern_store_list_sessions (self->site, error)) ||
      !(our_sponsors = lectern_store_list_sponsors (self->store, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (ours); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (ours, i);
      g_autoptr(GListModel) slots = lectern_store_list_slots (self->store, lectern_day_get_id (day), error);

      for (guint k = 0; slots != NULL && k < g_list_model_get_n_items (slots); k++)
        {
          g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, k);

          if (!lectern_store_remove_slot (self->store, slot, error))
            return FALSE;
        }
      if (slots == NULL)
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(LecternDay) their_day = g_list_model_get_item (theirs, i);
      g_autoptr(LecternDay) day = day_of (self->store, lectern_day_get_date (their_day), error);
      g_autoptr(GListModel) slots = NULL;
      g_autoptr(GHashTable) sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

      if (day == NULL || !(slots = lectern_store_list_slots (self->site, lectern_day_get_id (their_day), error)))
        return FALSE;

      for (guint k = 0; k < g_list_model_get_n_items (slots); k++)
        {
          g_autoptr(LecternSlot) their_slot = g_list_model_get_item (slots, k);
          g_autoptr(LecternSlot) slot = lectern_slot_copy (their_slot);
          gint64 their_session = lectern_slot_get_session_id (their_slot);
          GPtrArray *appearances = lectern_slot_get_appearances (their_slot);

          lectern_slot_set_id (slot, 0);
          lectern_slot_set_day_id (slot, lectern_day_get_id (day));
          lectern_slot_set_room_id (slot, 0);
          lectern_slot_set_sponsor_id (slot, 0);
          lectern_slot_set_session_id (slot, 0);

          /* its session: one of the file's of that title, on that day */
          if (their_session != 0)
            {
              gint64 *id = g_hash_table_lookup (sessions, &their_session);

              if (id == NULL)
                {
                  g_autoptr(LecternSession) session = NULL;

                  for (guint s = 0; s < g_list_model_get_n_items (their_sessions) && session == NULL; s++)
                    {
                      g_autoptr(LecternSession) candidate = g_list_model_get_item (their_sessions, s);

                      if (lectern_session_get_id (candidate) == their_session)
                        session = lectern_store_add_session (self->store, lectern_day_get_id (day),
                                                             lectern_session_get_title (candidate),
                                                             lectern_session_get_emoji (candidate), error);
                      if (lectern_session_get_id (candidate) == their_session && session == NULL)
                        return FALSE;
                    }
                  if (session != NULL)
                    {
                      gint64 *key = g_new (gint64, 1);

                      *key = their_session;
                      id = g_new (gint64, 1);
                      *id = lectern_session_get_id (session);
                      g_hash_table_insert (sessions, key, id);
                      g_ptr_array_add (keep, g_steal_pointer (&session));
                    }
                }
              if (id != NULL)
                lectern_slot_set_session_id (slot, *id);
            }

          /* its people, the file's by name */
          lectern_slot_clear_appearances (slot);
          for (guint a = 0; a < appearances->len; a++)
            {
              const LecternAppearance *them = g_ptr_array_index (appearances, a);
              g_autoptr(LecternPerson) person = lectern_store_find_person_by_name (self->store, them->name);
              const char *affiliation;

              if (person == NULL)
                {
                  g_autoptr(LecternPerson) source = lectern_store_get_person (self->site, them->person_id, error);

                  if (source == NULL)
                    return FALSE;
                  person = lectern_person_new ();
                  lectern_person_set_name (person, lectern_person_get_name (source));
                  lectern_person_set_first_name (person, lectern_person_get_first_name (source));
                  lectern_person_set_family_name (person, lectern_person_get_family_name (source));
                  lectern_person_set_affiliation (person, lectern_person_get_affiliation (source));
                  if (!lectern_store_add_person (self->store, person, error))
                    return FALSE;
                }
              /* the affiliation the site's table shows, where the
               * file's person has another */
              affiliation = lectern_appearance_get_affiliation (them);
              if (g_strcmp0 (affiliation, lectern_person_get_affiliation (person)) == 0)
                affiliation = NULL;
              lectern_slot_add_appearance (slot, lectern_person_get_id (person), them->role, affiliation);
            }

          /* its sponsor, the file's by name */
          if (lectern_slot_get_sponsor_id (their_slot) != 0)
            {
              g_autoptr(LecternSponsor) source = lectern_store_get_sponsor (self->site,
                                                                            lectern_slot_get_sponsor_id (their_slot), NULL);

              for (guint s = 0; source != NULL && s < g_list_model_get_n_items (our_sponsors); s++)
                {
                  g_autoptr(LecternSponsor) candidate = g_list_model_get_item (our_sponsors, s);

                  if (g_strcmp0 (lectern_sponsor_get_name (candidate), lectern_sponsor_get_name (source)) == 0)
                    lectern_slot_set_sponsor_id (slot, lectern_sponsor_get_id (candidate));
                }
            }

          if (!lectern_store_add_slot (self->store, slot, error))
            return FALSE;
        }
    }

  return lectern_store_fit_day_hours (self->store, error);
}

static gboolean
apply_field (LecternSiteMerge             *self,
             const LecternMergeDifference *d,
             LecternEvent                 *event,
             GError                      **error)
{
  switch (d->kind)
    {
    case LECTERN_MERGE_PERSON:
      {
        g_autoptr(LecternPerson) person = lectern_store_get_person (self->store, d->id, error);

        if (person == NULL)
          return FALSE;
        if (d->key == PERSON_NAME)
          lectern_person_set_name (person, d->theirs);
        else if (d->key == PERSON_AFFILIATION)
          lectern_person_set_affiliation (person, d->theirs);
        else if (d->key == PERSON_HOMEPAGE)
          lectern_person_set_homepage (person, d->theirs);
        else if (d->key == PERSON_IMAGE)
          lectern_person_set_image_path (person, d->theirs);
        return lectern_store_update_person (self->store, person, error);
      }

    case LECTERN_MERGE_CARD:
      {
        g_autoptr(LecternCard) card = find_card (self->store, d->id, error);
        LecternRole role;

        if (card == NULL)
          return FALSE;
        if (d->key == CARD_HIDDEN)
          lectern_card_set_archived (card, g_strcmp0 (d->theirs, _("yes")) == 0);
        else if (lectern_role_from_string (d->theirs, &role))
          lectern_card_set_role (card, role);
        return lectern_store_update_card (self->store, card, error);
      }

    case LECTERN_MERGE_SPONSOR:
      {
        g_autoptr(LecternSponsor) sponsor = lectern_store_get_sponsor (self->store, d->id, error);

        if (sponsor == NULL)
          return FALSE;
        if (d->key == SPONSOR_NAME)
          lectern_sponsor_set_name (sponsor, d->theirs);
        else if (d->key == SPONSOR_URL)
          lectern_sponsor_set_url (sponsor, d->theirs);
        else if (d->key == SPONSOR_LOGO)
          lectern_sponsor_set_logo_path (sponsor, d->theirs);
        else if (d->key == SPONSOR_HIDDEN)
          lectern_sponsor_set_archived (sponsor, g_strcmp0 (d->theirs, _("yes")) == 0);
        return lectern_store_update_sponsor (self->store, sponsor, error);
      }

    case LECTERN_MERGE_EVENT:
      for (guint i = 0; i < G_N_ELEMENTS (event_fields); i++)
        if (event_fields[i].key == d->key)
          event_fields[i].set (event, d->theirs);
      return TRUE;

    case LECTERN_MERGE_NEW_CARD:
      return apply_new_card (self, d, error);

    case LECTERN_MERGE_NEW_SPONSOR:
      return apply_new_sponsor (self, d, error);

    case LECTERN_MERGE_SCHEDULE:
      return apply_schedule (self, error);

    default:
      g_assert_not_reached ();
    }
}

/**
 * lectern_site_merge_apply:
 *
 * Takes the accepted differences into the workshop file, in one
 * transaction and one undo step: all of them, or none.
 *
 * Returns: how many were taken (0 with @error set on a failure)
 */
guint
lectern_site_merge_apply (LecternSiteMerge  *self,
                          GError           **error)
{
  g_autoptr(LecternEvent) event = NULL;
  g_autofree char *label = NULL;
  gboolean event_changed = FALSE;
  gboolean ok = TRUE;
  guint n = 0;

  g_return_val_if_fail (LECTERN_IS_SITE_MERGE (self), 0);

  for (guint i = 0; i < self->differences->len; i++)
    n += ((LecternMergeDifference *) g_ptr_array_index (self->differences, i))->accepted;
  if (n == 0)
    return 0;

  if (!(event = lectern_store_get_event (self->store, error)))
    return 0;

  label = g_strdup_printf (_("Import changes from the site “%s”"), self->site_dir);
  if (!lectern_store_begin_action (self->store, label, error))
    return 0;

  for (guint i = 0; ok && i < self->differences->len; i++)
    {
      LecternMergeDifference *d = g_ptr_array_index (self->differences, i);

      if (!d->accepted)
        continue;
      ok = apply_field (self, d, event, error);
      event_changed |= d->kind == LECTERN_MERGE_EVENT;
    }

  if (ok && event_changed)
    ok = lectern_store_update_event (self->store, event, error);

  if (!ok)
    {
      lectern_store_rollback (self->store);
      return 0;
    }
  if (!lectern_store_commit (self->store, error))
    return 0;

  return n;
}
