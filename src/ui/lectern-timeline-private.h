/* lectern-timeline-private.h: what the timeline's files share
 *
 * lectern-timeline.c: the widget, its cards, its layout;
 * lectern-timeline-actions.c: the operations on a card, their keys and
 * menu; lectern-timeline-draw.c: how it looks;
 * lectern-timeline-dnd.c: its drag and drop (a card moved, a slot
 * dropped from the pool, a card's edge dragged), the drag's ghost and the shading of the times its people are away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-schedule-plan.h"
#include "lectern-timeline.h"

G_BEGIN_DECLS

#define RULER_WIDTH   72
#define HEADER_HEIGHT 30
#define TOP_PADDING   12     /* room for the first hour's label */
#define PX_PER_MINUTE LECTERN_SLOT_CARD_PX_PER_MINUTE
#define MIN_COLUMN    200
#define EDGE          6      /* px of a card's bottom that resize it */

struct _LecternTimeline
{
  GtkWidget        parent_instance;

  LecternSchedule *schedule;
  gint64           day_id;
  GListModel      *model;          /* the day's slots (the schedule's) */
  gulong           items_changed_id;
  GHashTable      *cards;          /* slot id -> LecternSlotCard (children) */
  GHashTable      *leaving;        /* slot ids whose card goes at idle */
  guint            leave_id;
  guint            mark_id;        /* mark_cards() at idle */
  GtkGesture      *resize_gesture; /* owned by the widget */
  GArray          *columns;        /* room ids (0: no room) */
  GHashTable      *room_names;     /* room id -> name */
  GHashTable      *sessions;       /* session id -> LecternSession */
  int              first_minute;   /* the visible hours */
  int              last_minute;
  int              grid_step;
  LecternSlot     *selected;       /* weak: the focused card's */

  /* only the cards near the view are built (see sync_cards) */
  GtkAdjustment   *vadjustment;    /* the scrolled window's, while mapped */
  gulong           vadjustment_id;
  gulong           page_size_id;
  guint            scroll_sync_id;
  GHashTable      *demanded;       /* slot ids whose card was asked for */

  /* a drag in progress */
  gboolean         ghost_shown;
  gint64           ghost_room;
  int              ghost_start;
  int              ghost_duration;
  char            *ghost_note;     /* the time, and the first failing check */
  LecternSlot     *shade_for;      /* weak: the slot the shade was computed for */
  GArray          *shade;          /* int pairs: the times its people are away */
  double           grab_minutes;   /* where in its card the slot was grabbed */
  LecternSlot     *resizing;       /* the slot whose edge is dragged */
  int              resize_duration;
};

gboolean   _lectern_timeline_has_header      (LecternTimeline     *self);
void       _lectern_timeline_class_init_actions (GtkWidgetClass   *widget_class);
void       _lectern_timeline_init_actions    (LecternTimeline     *self);
void       _lectern_timeline_snapshot        (GtkWidget           *widget,
                                              GtkSnapshot         *snapshot);
double     _lectern_timeline_minute_to_y     (LecternTimeline     *self,
                                              int                  minute);
double     _lectern_timeline_column_width    (LecternTimeline     *self);
int        _lectern_timeline_column_of       (LecternTimeline     *self,
                                              gint64               room_id);
int        _lectern_timeline_snap            (LecternTimeline     *self,
                                              double               minute);
GtkWidget *_lectern_timeline_card_at         (LecternTimeline     *self,
                                              double               x,
                                              double               y);
gboolean   _lectern_timeline_apply           (LecternTimeline     *self,
                                              LecternSchedulePlan *plan,
                                              GError              *error);
char      *_lectern_timeline_first_problem   (LecternTimeline     *self,
                                              LecternSchedulePlan *plan);
void       _lectern_timeline_show_ghost      (LecternTimeline     *self,
                                              gint64               room_id,
                                              int                  start,
                                              int                  duration,
                                              LecternSchedulePlan *plan);
void       _lectern_timeline_hide_ghost      (LecternTimeline     *self);
void       _lectern_timeline_add_card_drag   (LecternTimeline     *self,
                                              GtkWidget           *card);
void       _lectern_timeline_init_dnd        (LecternTimeline     *self);

G_END_DECLS
