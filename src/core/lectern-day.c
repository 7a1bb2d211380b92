/* lectern-day.c: A day of the workshop.
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-day"

#include "config.h"

#include "lectern-day.h"

struct _LecternDay
{
  GObject parent_instance;

  gint64          id;
  gint64          rev;
  char           *date;
  int             position;
  int             visible_start;
  int             visible_end;
};

G_DEFINE_FINAL_TYPE (LecternDay, lectern_day, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_DATE,
  PROP_POSITION,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_day_finalize (GObject *object)
{
  LecternDay *self = (LecternDay *) object;

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (lectern_day_parent_class)->finalize (object);
}

static void
lectern_day_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LecternDay *self = LECTERN_DAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_VISIBLE_START:
      g_value_set_int (value, self->visible_start);
      break;

    case PROP_VISIBLE_END:
      g_value_set_int (value, self->visible_end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_day_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LecternDay *self = LECTERN_DAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_day_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_day_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      lectern_day_set_date (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      lectern_day_set_position (self, g_value_get_int (value));
      break;

    case PROP_VISIBLE_START:
      lectern_day_set_visible_start (self, g_value_get_int (value));
      break;

    case PROP_VISIBLE_END:
      lectern_day_set_visible_end (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_day_class_init (LecternDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_day_finalize;
  object_class->get_property = lectern_day_get_property;
  object_class->set_property = lectern_day_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VISIBLE_START] =
    g_param_spec_int ("visible-start", NULL, NULL, 0, 1439, 480,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VISIBLE_END] =
    g_param_spec_int ("visible-end", NULL, NULL, 1, 1440, 1080,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_day_init (LecternDay *self)
{
  self->visible_end = 1080;
  self->visible_start = 480;
}

LecternDay *
lectern_day_new (void)
{
  return g_object_new (LECTERN_TYPE_DAY, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternDay *
lectern_day_copy (LecternDay *self)
{
  LecternDay *copy;

  g_return_val_if_fail (LECTERN_IS_DAY (self), NULL);

  copy = lectern_day_new ();
  copy->visible_end = self->visible_end;
  copy->visible_start = self->visible_start;
  copy->id = self->id;
  copy->rev = self->rev;
  copy->date = g_strdup (self->date);
  copy->position = self->position;

  return copy;
}

gint64
lectern_day_get_id (LecternDay *self)
{
  g_return_val_if_fail (LECTERN_IS_DAY (self), 0);

  return self->id;
}

void
lectern_day_set_id (LecternDay *self,
                   gint64 value)
{
  g_return_if_fail (LECTERN_IS_DAY (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_day_get_rev (LecternDay *self)
{
  g_return_val_if_fail (LECTERN_IS_DAY (self), 0);

  return self->rev;
}

void
lectern_day_set_rev (LecternDay *self,
                    gint64 value)
{
  g_return_if_fail (LECTERN_IS_DAY (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
lectern_day_get_date (LecternDay *self)
{
  g_return_val_if_fail (LECTERN_IS_DAY (self), NULL);

  return self->date;
}

void
lectern_day_set_date (LecternDay *self,
                     const char *value)
{
  g_return_if_fail (LECTERN_IS_DAY (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

int
lectern_day_get_position (LecternDay *self)
{
  g_return_val_if_fail (LECTERN_IS_DAY (self), 0);

  return self->position;
}

void
lectern_day_set_position (LecternDay *self,
                         int value)
{
  g_return_if_fail (LECTERN_IS_DAY (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

int
lectern_day_get_visible_start (LecternDay *self)
{
  g_return_val_if_fail (LECTERN_IS_DAY (self), 0);

  return self->visible_start;
}

void
lectern_day_set_visible_start (LecternDay *self,
                              int value)
{
  g_return_if_fail (LECTERN_IS_DAY (self));

  if (self->visible_start == value)
    return;

  self->visible_start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
}

int
lectern_day_get_visible_end (LecternDay *self)
{
  g_return_val_if_fail (LECTERN_IS_DAY (self), 0);

  return self->visible_end;
}

void
lectern_day_set_visible_end (LecternDay *self,
                            int value)
{
  g_return_if_fail (LECTERN_IS_DAY (self));

  if (self->visible_end == value)
    return;

  self->visible_end = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
}
