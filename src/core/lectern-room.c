/* lectern-room.c: A room or track.
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-room"

#include "config.h"

#include "lectern-room.h"

struct _LecternRoom
{
  GObject parent_instance;

  gint64          id;
  gint64          rev;
  char           *name;
  char           *map_url;
  int             position;
};

G_DEFINE_FINAL_TYPE (LecternRoom, lectern_room, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_NAME,
  PROP_MAP_URL,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_room_finalize (GObject *object)
{
  LecternRoom *self = (LecternRoom *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->map_url, g_free);

  G_OBJECT_CLASS (lectern_room_parent_class)->finalize (object);
}

static void
lectern_room_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LecternRoom *self = LECTERN_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MAP_URL:
      g_value_set_string (value, self->map_url);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_room_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LecternRoom *self = LECTERN_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_room_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_room_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      lectern_room_set_name (self, g_value_get_string (value));
      break;

    case PROP_MAP_URL:
      lectern_room_set_map_url (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      lectern_room_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_room_class_init (LecternRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_room_finalize;
  object_class->get_property = lectern_room_get_property;
  object_class->set_property = lectern_room_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAP_URL] =
    g_param_spec_string ("map-url", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_room_init (LecternRoom *self)
{
}

LecternRoom *
lectern_room_new (void)
{
  return g_object_new (LECTERN_TYPE_ROOM, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternRoom *
lectern_room_copy (LecternRoom *self)
{
  LecternRoom *copy;

  g_return_val_if_fail (LECTERN_IS_ROOM (self), NULL);

  copy = lectern_room_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->name = g_strdup (self->name);
  copy->map_url = g_strdup (self->map_url);
  copy->position = self->position;

  return copy;
}

gint64
lectern_room_get_id (LecternRoom *self)
{
  g_return_val_if_fail (LECTERN_IS_ROOM (self), 0);

  return self->id;
}

void
lectern_room_set_id (LecternRoom *self,
                    gint64 value)
{
  g_return_if_fail (LECTERN_IS_ROOM (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_room_get_rev (LecternRoom *self)
{
  g_return_val_if_fail (LECTERN_IS_ROOM (self), 0);

  return self->rev;
}

void
lectern_room_set_rev (LecternRoom *self,
                     gint64 value)
{
  g_return_if_fail (LECTERN_IS_ROOM (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
lectern_room_get_name (LecternRoom *self)
{
  g_return_val_if_fail (LECTERN_IS_ROOM (self), NULL);

  return self->name;
}

void
lectern_room_set_name (LecternRoom *self,
                      const char *value)
{
  g_return_if_fail (LECTERN_IS_ROOM (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
lectern_room_get_map_url (LecternRoom *self)
{
  g_return_val_if_fail (LECTERN_IS_ROOM (self), NULL);

  return self->map_url;
}

void
lectern_room_set_map_url (LecternRoom *self,
                         const char *value)
{
  g_return_if_fail (LECTERN_IS_ROOM (self));

  if (g_strcmp0 (self->map_url, value) == 0)
    return;

  g_free (self->map_url);
  self->map_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_URL]);
}

int
lectern_room_get_position (LecternRoom *self)
{
  g_return_val_if_fail (LECTERN_IS_ROOM (self), 0);

  return self->position;
}

void
lectern_room_set_position (LecternRoom *self,
                          int value)
{
  g_return_if_fail (LECTERN_IS_ROOM (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
