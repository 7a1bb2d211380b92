/* lectern-slot.c: One item on the schedule.
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-slot"

#include "config.h"

#include "lectern-enum-types.h"
#include "lectern-types.h"
#include "lectern-slot.h"

struct _LecternSlot
{
  GObject parent_instance;

  gint64          id;
  gint64          rev;
  gint64          day_id;
  gint64          room_id;
  gint64          session_id;
  int             start;
  int             duration;
  int             kind;
  char           *emoji;
  char           *title;
  char           *abstract;
  char           *note;
  char           *note_link_text;
  char           *note_url;
  gint64          sponsor_id;

  GPtrArray      *appearances;
  GPtrArray      *links;
};

G_DEFINE_FINAL_TYPE (LecternSlot, lectern_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_DAY_ID,
  PROP_ROOM_ID,
  PROP_SESSION_ID,
  PROP_START,
  PROP_DURATION,
  PROP_KIND,
  PROP_EMOJI,
  PROP_TITLE,
  PROP_ABSTRACT,
  PROP_NOTE,
  PROP_NOTE_LINK_TEXT,
  PROP_NOTE_URL,
  PROP_SPONSOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PEOPLE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lectern_slot_finalize (GObject *object)
{
  LecternSlot *self = (LecternSlot *) object;

  g_clear_pointer (&self->emoji, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->abstract, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_link_text, g_free);
  g_clear_pointer (&self->note_url, g_free);

  g_clear_pointer (&self->appearances, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_slot_parent_class)->finalize (object);
}

static void
lectern_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LecternSlot *self = LECTERN_SLOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_DAY_ID:
      g_value_set_int64 (value, self->day_id);
      break;

    case PROP_ROOM_ID:
      g_value_set_int64 (value, self->room_id);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    case PROP_START:
      g_value_set_int (value, self->start);
      break;

    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_EMOJI:
      g_value_set_string (value, self->emoji);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ABSTRACT:
      g_value_set_string (value, self->abstract);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_NOTE_LINK_TEXT:
      g_value_set_string (value, self->note_link_text);
      break;

    case PROP_NOTE_URL:
      g_value_set_string (value, self->note_url);
      break;

    case PROP_SPONSOR_ID:
      g_value_set_int64 (value, self->sponsor_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_slot_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LecternSlot *self = LECTERN_SLOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_slot_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_slot_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_DAY_ID:
      lectern_slot_set_day_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROOM_ID:
      lectern_slot_set_room_id (self, g_value_get_int64 (value));
      break;

    case PROP_SESSION_ID:
      lectern_slot_set_session_id (self, g_value_get_int64 (value));
      break;

    case PROP_START:
      lectern_slot_set_start (self, g_value_get_int (value));
      break;

    case PROP_DURATION:
      lectern_slot_set_duration (self, g_value_get_int (value));
      break;

    case PROP_KIND:
      lectern_slot_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_EMOJI:
      lectern_slot_set_emoji (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      lectern_slot_set_title (self, g_value_get_string (value));
      break;

    case PROP_ABSTRACT:
      lectern_slot_set_abstract (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      lectern_slot_set_note (self, g_value_get_string (value));
      break;

    case PROP_NOTE_LINK_TEXT:
      lectern_slot_set_note_link_text (self, g_value_get_string (value));
      break;

    case PROP_NOTE_URL:
      lectern_slot_set_note_url (self, g_value_get_string (value));
      break;

    case PROP_SPONSOR_ID:
      lectern_slot_set_sponsor_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_slot_class_init (LecternSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_slot_finalize;
  object_class->get_property = lectern_slot_get_property;
  object_class->set_property = lectern_slot_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DAY_ID] =
    g_param_spec_int64 ("day-id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROOM_ID] =
    g_param_spec_int64 ("room-id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_START] =
    g_param_spec_int ("start", NULL, NULL, G_MININT, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL, G_MININT, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LECTERN_TYPE_SLOT_KIND, LECTERN_SLOT_TALK,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMOJI] =
    g_param_spec_string ("emoji", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ABSTRACT] =
    g_param_spec_string ("abstract", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE_LINK_TEXT] =
    g_param_spec_string ("note-link-text", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE_URL] =
    g_param_spec_string ("note-url", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPONSOR_ID] =
    g_param_spec_int64 ("sponsor-id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LecternSlot::people-changed:
   *
   * The slot's people (or their names, roles, affiliations) were
   * replaced by lectern_slot_assign(): they are not properties.
   */
  signals[PEOPLE_CHANGED] = g_signal_new ("people-changed",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
appearance_free (gpointer data)
{
  LecternAppearance *a = data;

  g_free (a->affiliation);
  g_free (a->name);
  g_free (a->person_affiliation);
  g_free (a);
}

static void
link_free (gpointer data)
{
  LecternLink *link = data;

  g_free (link->kind);
  g_free (link->url);
  g_free (link);
}

static void
lectern_slot_init (LecternSlot *self)
{
  self->appearances = g_ptr_array_new_with_free_func (appearance_free);
  self->links = g_ptr_array_new_with_free_func (link_free);
}

LecternSlot *
lectern_slot_new (void)
{
  return g_object_new (LECTERN_TYPE_SLOT, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternSlot *
lectern_slot_copy (LecternSlot *self)
{
  LecternSlot *copy;

  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  copy = lectern_slot_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->day_id = self->day_id;
  copy->room_id = self->room_id;
  copy->session_id = self->session_id;
  copy->start = self->start;
  copy->duration = self->duration;
  copy->kind = self->kind;
  copy->emoji = g_strdup (self->emoji);
  copy->title = g_strdup (self->title);
  copy->abstract = g_strdup (self->abstract);
  copy->note = g_strdup (self->note);
  copy->note_link_text = g_strdup (self->note_link_text);
  copy->note_url = g_strdup (self->note_url);
  copy->sponsor_id = self->sponsor_id;

  for (guint i = 0; i < self->appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (self->appearances, i);

      _lectern_slot_append_loaded_appearance (copy, a->person_id, a->role,
                                              a->affiliation, a->name,
                                              a->person_affiliation);
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      const LecternLink *link = g_ptr_array_index (self->links, i);

      lectern_slot_add_link (copy, link->kind, link->url);
    }

  return copy;
}

gint64
lectern_slot_get_id (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->id;
}

void
lectern_slot_set_id (LecternSlot *self,
                    gint64 value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_slot_get_rev (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->rev;
}

void
lectern_slot_set_rev (LecternSlot *self,
                     gint64 value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

gint64
lectern_slot_get_day_id (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->day_id;
}

void
lectern_slot_set_day_id (LecternSlot *self,
                        gint64 value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->day_id == value)
    return;

  self->day_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_ID]);
}

gint64
lectern_slot_get_room_id (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->room_id;
}

void
lectern_slot_set_room_id (LecternSlot *self,
                         gint64 value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->room_id == value)
    return;

  self->room_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM_ID]);
}

gint64
lectern_slot_get_session_id (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->session_id;
}

void
lectern_slot_set_session_id (LecternSlot *self,
                            gint64 value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->session_id == value)
    return;

  self->session_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

int
lectern_slot_get_start (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->start;
}

void
lectern_slot_set_start (LecternSlot *self,
                       int value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->start == value)
    return;

  self->start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

int
lectern_slot_get_duration (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->duration;
}

void
lectern_slot_set_duration (LecternSlot *self,
                          int value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->duration == value)
    return;

  self->duration = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

int
lectern_slot_get_kind (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->kind;
}

void
lectern_slot_set_kind (LecternSlot *self,
                      int value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->kind == value)
    return;

  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
lectern_slot_get_emoji (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->emoji;
}

void
lectern_slot_set_emoji (LecternSlot *self,
                       const char *value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (g_strcmp0 (self->emoji, value) == 0)
    return;

  g_free (self->emoji);
  self->emoji = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMOJI]);
}

const char *
lectern_slot_get_title (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->title;
}

void
lectern_slot_set_title (LecternSlot *self,
                       const char *value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (g_strcmp0 (self->title, value) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
lectern_slot_get_abstract (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->abstract;
}

void
lectern_slot_set_abstract (LecternSlot *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (g_strcmp0 (self->abstract, value) == 0)
    return;

  g_free (self->abstract);
  self->abstract = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ABSTRACT]);
}

const char *
lectern_slot_get_note (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->note;
}

void
lectern_slot_set_note (LecternSlot *self,
                      const char *value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (g_strcmp0 (self->note, value) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
lectern_slot_get_note_link_text (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->note_link_text;
}

void
lectern_slot_set_note_link_text (LecternSlot *self,
                                const char *value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (g_strcmp0 (self->note_link_text, value) == 0)
    return;

  g_free (self->note_link_text);
  self->note_link_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_LINK_TEXT]);
}

const char *
lectern_slot_get_note_url (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->note_url;
}

void
lectern_slot_set_note_url (LecternSlot *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (g_strcmp0 (self->note_url, value) == 0)
    return;

  g_free (self->note_url);
  self->note_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_URL]);
}

gint64
lectern_slot_get_sponsor_id (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->sponsor_id;
}

void
lectern_slot_set_sponsor_id (LecternSlot *self,
                            gint64 value)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  if (self->sponsor_id == value)
    return;

  self->sponsor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPONSOR_ID]);
}

/* The affiliation to print next to the name for this appearance. */
const char *
lectern_appearance_get_affiliation (const LecternAppearance *appearance)
{
  g_return_val_if_fail (appearance != NULL, NULL);

  if (appearance->affiliation != NULL && appearance->affiliation[0] != '\0')
    return appearance->affiliation;

  return appearance->person_affiliation;
}

LecternAppearance *
_lectern_slot_append_loaded_appearance (LecternSlot           *self,
                                        gint64                 person_id,
                                        LecternAppearanceRole  role,
                                        const char            *affiliation,
                                        const char            *name,
                                        const char            *person_affiliation)
{
  LecternAppearance *a;

  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  a = g_new0 (LecternAppearance, 1);
  a->person_id = person_id;
  a->role = role;
  a->affiliation = g_strdup (affiliation);
  a->name = g_strdup (name);
  a->person_affiliation = g_strdup (person_affiliation);
  g_ptr_array_add (self->appearances, a);

  return a;
}

void
lectern_slot_add_appearance (LecternSlot           *self,
                             gint64                 person_id,
                             LecternAppearanceRole  role,
                             const char            *affiliation)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));
  g_return_if_fail (role < LECTERN_N_APPEARANCE_ROLES);

  _lectern_slot_append_loaded_appearance (self, person_id, role, affiliation,
                                          NULL, NULL);
}

void
lectern_slot_clear_appearances (LecternSlot *self)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  g_ptr_array_set_size (self->appearances, 0);
}

/* (transfer none) (element-type LecternAppearance) */
GPtrArray *
lectern_slot_get_appearances (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->appearances;
}

void
lectern_slot_add_link (LecternSlot *self,
                       const char  *kind,
                       const char  *url)
{
  LecternLink *link;

  g_return_if_fail (LECTERN_IS_SLOT (self));
  g_return_if_fail (url != NULL);

  link = g_new0 (LecternLink, 1);
  link->kind = g_strdup (kind ? kind : "link");
  link->url = g_strdup (url);
  g_ptr_array_add (self->links, link);
}

void
lectern_slot_clear_links (LecternSlot *self)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));

  g_ptr_array_set_size (self->links, 0);
}

/* (transfer none) (element-type LecternLink) */
GPtrArray *
lectern_slot_get_links (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), NULL);

  return self->links;
}

/* Minutes after midnight at which the slot ends. */
int
lectern_slot_get_end (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), 0);

  return self->start + self->duration;
}

/* Whether the slot has a day and a start; one that has neither waits in
 * the pool (its start is then -1).
 */
gboolean
lectern_slot_is_scheduled (LecternSlot *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT (self), FALSE);

  return self->day_id > 0;
}

/* Makes @self what @other is, people and links included, with one
 * notification per property that changed: a live view's slot takes a
 * colleague's edit in place.
 */
void
lectern_slot_assign (LecternSlot *self,
                     LecternSlot *other)
{
  g_return_if_fail (LECTERN_IS_SLOT (self));
  g_return_if_fail (LECTERN_IS_SLOT (other));

  g_object_freeze_notify (G_OBJECT (self));
  lectern_slot_set_id (self, other->id);
  lectern_slot_set_rev (self, other->rev);
  lectern_slot_set_day_id (self, other->day_id);
  lectern_slot_set_room_id (self, other->room_id);
  lectern_slot_set_session_id (self, other->session_id);
  lectern_slot_set_start (self, other->start);
  lectern_slot_set_duration (self, other->duration);
  lectern_slot_set_kind (self, other->kind);
  lectern_slot_set_emoji (self, other->emoji);
  lectern_slot_set_title (self, other->title);
  lectern_slot_set_abstract (self, other->abstract);
  lectern_slot_set_note (self, other->note);
  lectern_slot_set_note_link_text (self, other->note_link_text);
  lectern_slot_set_note_url (self, other->note_url);
  lectern_slot_set_sponsor_id (self, other->sponsor_id);

  g_ptr_array_set_size (self->appearances, 0);
  for (guint i = 0; i < other->appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (other->appearances, i);

      _lectern_slot_append_loaded_appearance (self, a->person_id, a->role, a->affiliation, a->name,
                                              a->person_affiliation);
    }
  g_ptr_array_set_size (self->links, 0);
  for (guint i = 0; i < other->links->len; i++)
    {
      const LecternLink *link = g_ptr_array_index (other->links, i);

      lectern_slot_add_link (self, link->kind, link->url);
    }
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[PEOPLE_CHANGED], 0);
}
