/* lectern-event.c: The workshop edition: one row per file.
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-event"

#include "config.h"

#include "lectern-event.h"

struct _LecternEvent
{
  GObject parent_instance;

  gint64          rev;
  char           *name;
  char           *short_name;
  char           *conference;
  int             year;
  char           *start_date;
  char           *end_date;
  char           *timezone;
  char           *venue;
  char           *room;
  char           *room_map_url;
  char           *contact_email;
  char           *site_url;
  char           *openreview_url;
  char           *plan_heading;
  char           *program_folder;
  int             grid_step;
  int             changeover;
};

G_DEFINE_FINAL_TYPE (LecternEvent, lectern_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REV,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_CONFERENCE,
  PROP_YEAR,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_TIMEZONE,
  PROP_VENUE,
  PROP_ROOM,
  PROP_ROOM_MAP_URL,
  PROP_CONTACT_EMAIL,
  PROP_SITE_URL,
  PROP_OPENREVIEW_URL,
  PROP_PLAN_HEADING,
  PROP_PROGRAM_FOLDER,
  PROP_GRID_STEP,
  PROP_CHANGEOVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_event_finalize (GObject *object)
{
  LecternEvent *self = (LecternEvent *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->conference, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->room_map_url, g_free);
  g_clear_pointer (&self->contact_email, g_free);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->openreview_url, g_free);
  g_clear_pointer (&self->plan_heading, g_free);
  g_clear_pointer (&self->program_folder, g_free);

  G_OBJECT_CLASS (lectern_event_parent_class)->finalize (object);
}

static void
lectern_event_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LecternEvent *self = LECTERN_EVENT (object);

  switch (prop_id)
    {
    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_CONFERENCE:
      g_value_set_string (value, self->conference);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;

    case PROP_ROOM_MAP_URL:
      g_value_set_string (value, self->room_map_url);
      break;

    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;

    case PROP_SITE_URL:
      g_value_set_string (value, self->site_url);
      break;

    case PROP_OPENREVIEW_URL:
      g_value_set_string (value, self->openreview_url);
      break;

    case PROP_PLAN_HEADING:
      g_value_set_string (value, self->plan_heading);
      break;
    case PROP_PROGRAM_FOLDER:
      g_value_set_string (value, self->program_folder);
      break;

    case PROP_GRID_STEP:
      g_value_set_int (value, self->grid_step);
      break;

    case PROP_CHANGEOVER:
      g_value_set_int (value, self->changeover);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_event_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LecternEvent *self = LECTERN_EVENT (object);

  switch (prop_id)
    {
    case PROP_REV:
      lectern_event_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      lectern_event_set_name (self, g_value_get_string (value));
      break;

    case PROP_SHORT_NAME:
      lectern_event_set_short_name (self, g_value_get_string (value));
      break;

    case PROP_CONFERENCE:
      lectern_event_set_conference (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      lectern_event_set_year (self, g_value_get_int (value));
      break;

    case PROP_START_DATE:
      lectern_event_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      lectern_event_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_TIMEZONE:
      lectern_event_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_VENUE:
      lectern_event_set_venue (self, g_value_get_string (value));
      break;

    case PROP_ROOM:
      lectern_event_set_room (self, g_value_get_string (value));
      break;

    case PROP_ROOM_MAP_URL:
      lectern_event_set_room_map_url (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_EMAIL:
      lectern_event_set_contact_email (self, g_value_get_string (value));
      break;

    case PROP_SITE_URL:
      lectern_event_set_site_url (self, g_value_get_string (value));
      break;

    case PROP_OPENREVIEW_URL:
      lectern_event_set_openreview_url (self, g_value_get_string (value));
      break;

    case PROP_PLAN_HEADING:
      lectern_event_set_plan_heading (self, g_value_get_string (value));
      break;
    case PROP_PROGRAM_FOLDER:
      lectern_event_set_program_folder (self, g_value_get_string (value));
      break;

    case PROP_GRID_STEP:
      lectern_event_set_grid_step (self, g_value_get_int (value));
      break;

    case PROP_CHANGEOVER:
      lectern_event_set_changeover (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_event_class_init (LecternEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_event_finalize;
  object_class->get_property = lectern_event_get_property;
  object_class->set_property = lectern_event_set_property;

  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFERENCE] =
    g_param_spec_string ("conference", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, G_MININT, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROOM_MAP_URL] =
    g_param_spec_string ("room-map-url", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTACT_EMAIL] =
    g_param_spec_string ("contact-email", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SITE_URL] =
    g_param_spec_string ("site-url", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OPENREVIEW_URL] =
    g_param_spec_string ("openreview-url", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAN_HEADING] =
    g_param_spec_string ("plan-heading", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* where the site serves the calendar and the conference-app files,
   * relative to its root ("" for nowhere: they are not written) */
  properties[PROP_PROGRAM_FOLDER] =
    g_param_spec_string ("program-folder", NULL, NULL, LECTERN_EVENT_DEFAULT_PROGRAM_FOLDER,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GRID_STEP] =
    g_param_spec_int ("grid-step", NULL, NULL, 5, 15, 5,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGEOVER] =
    g_param_spec_int ("changeover", NULL, NULL, 0, 240, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_event_init (LecternEvent *self)
{
  self->changeover = 0;
  self->grid_step = 5;
  self->program_folder = g_strdup (LECTERN_EVENT_DEFAULT_PROGRAM_FOLDER);
}

LecternEvent *
lectern_event_new (void)
{
  return g_object_new (LECTERN_TYPE_EVENT, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternEvent *
lectern_event_copy (LecternEvent *self)
{
  LecternEvent *copy;

  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  copy = lectern_event_new ();
  copy->changeover = self->changeover;
  copy->grid_step = self->grid_step;
  copy->rev = self->rev;
  copy->name = g_strdup (self->name);
  copy->short_name = g_strdup (self->short_name);
  copy->conference = g_strdup (self->conference);
  copy->year = self->year;
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->timezone = g_strdup (self->timezone);
  copy->venue = g_strdup (self->venue);
  copy->room = g_strdup (self->room);
  copy->room_map_url = g_strdup (self->room_map_url);
  copy->contact_email = g_strdup (self->contact_email);
  copy->site_url = g_strdup (self->site_url);
  copy->openreview_url = g_strdup (self->openreview_url);
  copy->plan_heading = g_strdup (self->plan_heading);
  g_free (copy->program_folder);
  copy->program_folder = g_strdup (self->program_folder);

  return copy;
}

gint64
lectern_event_get_rev (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), 0);

  return self->rev;
}

void
lectern_event_set_rev (LecternEvent *self,
                      gint64 value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
lectern_event_get_name (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->name;
}

void
lectern_event_set_name (LecternEvent *self,
                       const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
lectern_event_get_short_name (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->short_name;
}

void
lectern_event_set_short_name (LecternEvent *self,
                             const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->short_name, value) == 0)
    return;

  g_free (self->short_name);
  self->short_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_NAME]);
}

const char *
lectern_event_get_conference (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->conference;
}

void
lectern_event_set_conference (LecternEvent *self,
                             const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->conference, value) == 0)
    return;

  g_free (self->conference);
  self->conference = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFERENCE]);
}

int
lectern_event_get_year (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), 0);

  return self->year;
}

void
lectern_event_set_year (LecternEvent *self,
                       int value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (self->year == value)
    return;

  self->year = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
lectern_event_get_start_date (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->start_date;
}

void
lectern_event_set_start_date (LecternEvent *self,
                             const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->start_date, value) == 0)
    return;

  g_free (self->start_date);
  self->start_date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
lectern_event_get_end_date (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->end_date;
}

void
lectern_event_set_end_date (LecternEvent *self,
                           const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->end_date, value) == 0)
    return;

  g_free (self->end_date);
  self->end_date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

const char *
lectern_event_get_timezone (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->timezone;
}

void
lectern_event_set_timezone (LecternEvent *self,
                           const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->timezone, value) == 0)
    return;

  g_free (self->timezone);
  self->timezone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

const char *
lectern_event_get_venue (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->venue;
}

void
lectern_event_set_venue (LecternEvent *self,
                        const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->venue, value) == 0)
    return;

  g_free (self->venue);
  self->venue = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE]);
}

const char *
lectern_event_get_room (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->room;
}

void
lectern_event_set_room (LecternEvent *self,
                       const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->room, value) == 0)
    return;

  g_free (self->room);
  self->room = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM]);
}

const char *
lectern_event_get_room_map_url (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->room_map_url;
}

void
lectern_event_set_room_map_url (LecternEvent *self,
                               const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->room_map_url, value) == 0)
    return;

  g_free (self->room_map_url);
  self->room_map_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM_MAP_URL]);
}

const char *
lectern_event_get_contact_email (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->contact_email;
}

void
lectern_event_set_contact_email (LecternEvent *self,
                                const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->contact_email, value) == 0)
    return;

  g_free (self->contact_email);
  self->contact_email = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_EMAIL]);
}

const char *
lectern_event_get_site_url (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->site_url;
}

void
lectern_event_set_site_url (LecternEvent *self,
                           const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->site_url, value) == 0)
    return;

  g_free (self->site_url);
  self->site_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_URL]);
}

const char *
lectern_event_get_openreview_url (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->openreview_url;
}

void
lectern_event_set_openreview_url (LecternEvent *self,
                                 const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->openreview_url, value) == 0)
    return;

  g_free (self->openreview_url);
  self->openreview_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENREVIEW_URL]);
}

const char *
lectern_event_get_plan_heading (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->plan_heading;
}

void
lectern_event_set_plan_heading (LecternEvent *self,
                               const char *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->plan_heading, value) == 0)
    return;

  g_free (self->plan_heading);
  self->plan_heading = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_HEADING]);
}

const char *
lectern_event_get_program_folder (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), NULL);

  return self->program_folder;
}

void
lectern_event_set_program_folder (LecternEvent *self,
                                  const char   *value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (g_strcmp0 (self->program_folder, value) == 0)
    return;

  g_free (self->program_folder);
  self->program_folder = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM_FOLDER]);
}

int
lectern_event_get_grid_step (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), 0);

  return self->grid_step;
}

void
lectern_event_set_grid_step (LecternEvent *self,
                            int value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (self->grid_step == value)
    return;

  self->grid_step = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRID_STEP]);
}

int
lectern_event_get_changeover (LecternEvent *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT (self), 0);

  return self->changeover;
}

void
lectern_event_set_changeover (LecternEvent *self,
                             int value)
{
  g_return_if_fail (LECTERN_IS_EVENT (self));

  if (self->changeover == value)
    return;

  self->changeover = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGEOVER]);
}
