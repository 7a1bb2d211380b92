/* lectern-cli-slot.c: `lectern slot list|add|move|resize|swap|unschedule|remove`
 *
 * The schedule for scripts and hooks, through the same operations as
 * the editor (lectern-schedule-ops.c): each change is one undo step in
 * the file. Bad ids, times that do not fit the day and unknown people
 * are refused with a clear error, exit status 1, nothing written;
 * misused options exit 2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lectern-cli-private.h"
#include "lectern-schedule-ops.h"

typedef struct
{
  char     *start;
  char     *room;
  char    **people;
  char     *title;
  char     *kind;
  int       day;
  int       duration;
  gboolean  ripple;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->start);
  g_free (o->room);
  g_strfreev (o->people);
  g_free (o->title);
  g_free (o->kind);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

#define USAGE \
  "lectern slot list FILE\n" \
  "       lectern slot add FILE --title T --kind K [--start HH:MM --duration MIN] [--day N] [--room R] [--person SLUG:ROLE …]\n" \
  "       lectern slot move FILE ID --start HH:MM [--day N] [--room R] [--ripple]\n" \
  "       lectern slot resize FILE ID --duration MIN [--ripple]\n" \
  "       lectern slot swap FILE ID ID\n" \
  "       lectern slot unschedule FILE ID [--ripple]\n" \
  "       lectern slot remove FILE ID"

static gboolean
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static gboolean
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("lectern: %s\n", message);

  return FALSE;
}

/* "09:30", "14:05" (or "2:05pm") -> minutes after midnight */
static gboolean
parse_clock (const char *text,
             int        *minutes)
{
  if (!lectern_parse_time (text, minutes))
    return fail (_("“%s” is not a time of day: use 24-hour HH:MM, such as 09:30 or 14:05"), text);

  return TRUE;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return fail (_("“%s” is not a slot id (see “lectern slot list FILE”)"), text);

  *id = (gint64) value;
  return TRUE;
}

/* Day N (1 for the first by date); with none given, the only day. */
static gboolean
find_day (LecternStore *store,
          int           n,
          gint64       *day_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) days = lectern_store_list_days (store, &error);
  g_autoptr(LecternDay) day = NULL;
  guint n_days;

  if (days == NULL)
    return fail ("%s", error->message);

  n_days = g_list_model_get_n_items (days);
  if (n_days == 0)
    return fail (_("The workshop has no day yet: add its date first"));
  if (n == 0 && n_days > 1)
    return fail (_("The workshop has %u days: say which with --day N (1 to %u)"), n_days, n_days);
  if (n == 0)
    n = 1;
  if (n < 1 || (guint) n > n_days)
    return fail (_("There is no day %d: the workshop has %u"), n, n_days);

  day = g_list_model_get_item (days, n - 1);
  *day_id = lectern_day_get_id (day);
  return TRUE;
}

/* A room by its name (any case) or its number in the list. */
static gboolean
find_room (LecternStore *store,
           const char   *name,
           gint64       *room_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rooms = lectern_store_list_rooms (store, &error);
  g_autoptr(GString) known = g_string_new (NULL);
  guint n;
  guint64 number;

  if (rooms == NULL)
    return fail ("%s", error->message);

  n = g_list_model_get_n_items (rooms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternRoom) room = g_list_model_get_item (rooms, i);
      g_autofree char *a = g_utf8_casefold (lectern_room_get_name (room), -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b) ||
          (g_ascii_string_to_unsigned (name, 10, 1, n, &number, NULL) && number == i + 1))
        {
          *room_id = lectern_room_get_id (room);
          return TRUE;
        }
      g_string_append_printf (known, "%s“%s”", i ? ", " : "", lectern_room_get_name (room));
    }

  if (n == 0)
    return fail (_("The workshop has no rooms: leave out --room"));
  return fail (_("There is no room “%s”; the rooms are %s"), name, known->str);
}

/* "tri:speaker" -> the person of card tri, as a speaker */
static gboolean
add_people (LecternStore  *store,
            LecternSlot   *slot,
            char         **people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = NULL;

  if (people == NULL)
    return TRUE;

  if (!(cards = lectern_store_list_cards (store, -1, &error)))
    return fail ("%s", error->message);

  for (guint i = 0; people[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (people[i], ":", 2);
      LecternAppearanceRole role = LECTERN_APPEARANCE_SPEAKER;
      gint64 person_id = 0;

      if (parts[0] == NULL || parts[0][0] == '\0')
        return fail (_("--person needs a card’s name, such as tri or tri:panelist"));
      if (parts[1] != NULL && !lectern_appearance_role_from_string (parts[1], &role))
        return fail (_("Unknown role “%s”: use speaker, panelist, moderator or author"), parts[1]);

      for (guint k = 0; k < g_list_model_get_n_items (cards) && person_id == 0; k++)
        {
          g_autoptr(LecternCard) card = g_list_model_get_item (cards, k);

          if (g_str_equal (lectern_card_get_slug (card), parts[0]))
            person_id = lectern_card_get_person_id (card);
        }
      if (person_id == 0)
        return fail (_("No one has the card “%s” (the name of its file in _projects/, without .md)"), parts[0]);

      lectern_slot_add_appearance (slot, person_id, role, NULL);
    }

  return TRUE;
}

static LecternSlot *
get_slot (LecternStore *store,
          const char   *text)
{
  g_autoptr(GError) error = NULL;
  LecternSlot *slot;
  gint64 id = 0;

  if (!parse_id (text, &id))
    return NULL;

  slot = lectern_store_get_slot (store, id, &error);
  if (slot == NULL)
    fail ("%s", error->message);

  return slot;
}

static int
apply (LecternStore        *store,
       LecternSchedulePlan *plan,
       GError              *error)
{
  if (plan == NULL || !lectern_store_apply_plan (store, plan, NULL, &error))
    {
      lectern_cli_print_error (NULL, error);
      g_clear_error (&error);
      return EXIT_FAILURE;
    }

  if (lectern_schedule_plan_get_n_moves (plan) == 0)
    g_print (_("Nothing to change.\n"));
  else
    g_print ("%s\n", lectern_schedule_plan_get_label (plan));

  return EXIT_SUCCESS;
}

static int
slot_list (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) days = lectern_store_list_days (store, &error);
  g_autoptr(GListModel) rooms = days ? lectern_store_list_rooms (store, &error) : NULL;
  g_autoptr(GListModel) slots = rooms ? lectern_store_list_slots (store, 0, &error) : NULL;
  g_autoptr(GListModel) pool = slots ? lectern_store_list_unscheduled (store, &error) : NULL;
  GListModel *lists[2];

  if (pool == NULL)
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  lists[0] = slots;
  lists[1] = pool;
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LecternSlot) slot = g_list_model_get_item (lists[l], i);
        g_autoptr(GString) people = g_string_new (NULL);
        g_autofree char *day = g_strdup ("-");
        g_autofree char *start = g_strdup ("-");
        const char *room = "-";
        GPtrArray *appearances = lectern_slot_get_appearances (slot);

        for (guint d = 0; d < g_list_model_get_n_items (days); d++)
          {
            g_autoptr(LecternDay) item = g_list_model_get_item (days, d);

            if (lectern_day_get_id (item) == lectern_slot_get_day_id (slot))
              {
                g_free (day);
                day = g_strdup_printf ("%u", d + 1);
              }
          }
        for (guint r = 0; r < g_list_model_get_n_items (rooms); r++)
          {
            g_autoptr(LecternRoom) item = g_list_model_get_item (rooms, r);

            if (lectern_room_get_id (item) == lectern_slot_get_room_id (slot))
              room = lectern_room_get_name (item);   /* the model keeps it */
          }
        if (lectern_slot_is_scheduled (slot))
          {
            g_free (start);
            start = g_strdup_printf ("%02d:%02d", lectern_slot_get_start (slot) / 60,
                                     lectern_slot_get_start (slot) % 60);
          }
        for (guint k = 0; k < appearances->len; k++)
          {
            const LecternAppearance *a = g_ptr_array_index (appearances, k);

            g_string_append_printf (people, "%s%s (%s)", k ? ", " : "", a->name,
                                    lectern_appearance_role_to_string (a->role));
          }

        g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n",
                 lectern_slot_get_id (slot), day, start, lectern_slot_get_duration (slot), room,
                 lectern_slot_kind_to_string (lectern_slot_get_kind (slot)),
                 lectern_slot_get_title (slot) ? lectern_slot_get_title (slot) : "", people->str);
      }

  return EXIT_SUCCESS;
}

static int
slot_add (LecternStore *store,
          Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSlot) slot = lectern_slot_new ();
  LecternSlotKind kind = LECTERN_SLOT_TALK;
  gint64 day_id = 0, room_id = 0;
  int start = -1;

  if (o->title == NULL || !g_utf8_validate (o->title, -1, NULL))
    return fail (_("slot add needs --title TEXT")), EXIT_USAGE;
  if (o->kind != NULL && !lectern_slot_kind_from_string (o->kind, &kind))
    return fail (_("Unknown kind “%s”: use talk, keynote, panel, poster, break, lunch, …"), o->kind), EXIT_USAGE;
  if (o->duration < 0)
    o->duration = 30;

  if (o->start != NULL && (!parse_clock (o->start, &start) || !find_day (store, o->day, &day_id)))
    return EXIT_FAILURE;
  if (o->start == NULL && o->day != 0)
    return fail (_("--day needs --start: a slot with no start waits in the pool")), EXIT_USAGE;
  if (o->room != NULL && !find_room (store, o->room, &room_id))
    return EXIT_FAILURE;

  lectern_slot_set_title (slot, o->title);
  lectern_slot_set_kind (slot, kind);
  lectern_slot_set_day_id (slot, day_id);
  lectern_slot_set_start (slot, start);
  lectern_slot_set_duration (slot, o->duration);
  lectern_slot_set_room_id (slot, room_id);
  if (!add_people (store, slot, o->people))
    return EXIT_FAILURE;

  if (!lectern_store_add_slot (store, slot, &error))
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  g_print ("%" G_GINT64_FORMAT "\n", lectern_slot_get_id (slot));
  return EXIT_SUCCESS;
}

static int
slot_move (LecternStore *store,
           const char   *id,
           Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSlot) slot = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  gint64 day_id, room_id;
  int start;

  if (o->start == NULL)
    return fail (_("slot move needs --start HH:MM")), EXIT_USAGE;
  if (!(slot = get_slot (store, id)) || !parse_clock (o->start, &start))
    return EXIT_FAILURE;

  day_id = lectern_slot_get_day_id (slot);
  if ((o->day != 0 || day_id == 0) && !find_day (store, o->day, &day_id))
    return EXIT_FAILURE;
  room_id = lectern_slot_get_room_id (slot);
  if (o->room != NULL && !find_room (store, o->room, &room_id))
    return EXIT_FAILURE;

  if (!(slots = lectern_store_list_slots (store, 0, &error)))
    return apply (store, NULL, g_steal_pointer (&error));
  plan = lectern_schedule_plan_move (slots, slot, day_id, room_id, start,
                                     o->ripple ? LECTERN_SCHEDULE_RIPPLE : 0, &error);
  return apply (store, plan, g_steal_pointer (&error));
}

int
lectern_cli_slot (int    argc,
                  char **argv)
{
  g_auto(Options) o = { .duration = -1 };
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("The slot’s title"), N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("talk, oral, contributed, keynote, panel, poster, break, lunch, awards, remarks, social"), N_("KIND") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &o.start, N_("The start, 24-hour, in the workshop’s time zone"), N_("HH:MM") },
    { "duration", 0, 0, G_OPTION_ARG_INT, &o.duration, N_("The length in minutes (add: 30 unless given)"), N_("MIN") },
    { "day", 0, 0, G_OPTION_ARG_INT, &o.day, N_("The day, 1 for the first (needed when there are several)"), N_("N") },
    { "room", 0, 0, G_OPTION_ARG_STRING, &o.room, N_("The room, by name or number"), N_("ROOM") },
    { "person", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.people, N_("A person by card, with a role (speaker unless given); repeat for each"), N_("SLUG[:ROLE]") },
    { "ripple", 0, 0, G_OPTION_ARG_NONE, &o.ripple, N_("Shift the later slots of the room by the change"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_new_context ("slot COMMAND FILE [ID…]",
                                                               _("List, add, move, resize, swap, unschedule or remove slots of the schedule"),
                                                               entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *name; int n_ids; } verbs[] = {
    { "list", 0 }, { "add", 0 }, { "move", 1 }, { "resize", 1 }, { "swap", 2 },
    { "unschedule", 1 }, { "remove", 1 },
  };
  const char *verb;
  int n_ids = -1;

  g_option_context_set_description (context, USAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lectern: %s\n", error->message);
      g_printerr (_("Try “lectern slot --help”.\n"));
      return EXIT_USAGE;
    }

  verb = argc > 2 ? argv[2] : "";
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (verb, verbs[i].name))
      n_ids = verbs[i].n_ids;

  if (n_ids < 0)
    {
      g_printerr (_("lectern: unknown slot command “%s”; use:\n       %s\n"), verb, USAGE);
      return EXIT_USAGE;
    }
  if (argc != 4 + n_ids)
    {
      g_printerr (_("lectern: expected: %s\n"), USAGE);
      return EXIT_USAGE;
    }

  if (!(store = lectern_cli_open_store (argv[3])))
    return EXIT_FAILURE;

  if (g_str_equal (verb, "list"))
    return slot_list (store);
  if (g_str_equal (verb, "add"))
    return slot_add (store, &o);
  if (g_str_equal (verb, "move"))
    return slot_move (store, argv[4], &o);

  {
    g_autoptr(LecternSlot) slot = get_slot (store, argv[4]);
    g_autoptr(GListModel) slots = NULL;
    g_autoptr(LecternSchedulePlan) plan = NULL;
    LecternScheduleFlags flags = o.ripple ? LECTERN_SCHEDULE_RIPPLE : 0;

    if (slot == NULL)
      return EXIT_FAILURE;

    if (g_str_equal (verb, "remove"))
      {
        if (!lectern_store_remove_slot (store, slot, &error))
          {
            lectern_cli_print_error (NULL, error);
            return EXIT_FAILURE;
          }
        g_print (_("Removed “%s”\n"), lectern_slot_get_title (slot));
        return EXIT_SUCCESS;
      }

    if (!(slots = lectern_store_list_slots (store, 0, &error)))
      return apply (store, NULL, g_steal_pointer (&error));

    if (g_str_equal (verb, "resize"))
      {
        if (o.duration < 0)
          return fail (_("slot resize needs --duration MIN")), EXIT_USAGE;
        plan = lectern_schedule_plan_resize (slots, slot, o.duration, flags, &error);
      }
    else if (g_str_equal (verb, "unschedule"))
      plan = lectern_schedule_plan_unschedule (slots, slot, flags, &error);
    else
      {
        g_autoptr(LecternSlot) other = get_slot (store, argv[5]);

        if (other == NULL)
          return EXIT_FAILURE;
        plan = lectern_schedule_plan_swap (slots, slot, other, &error);
      }

    return apply (store, plan, g_steal_pointer (&error));
  }
}
