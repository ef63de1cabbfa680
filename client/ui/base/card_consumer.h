#pragma once
/// A page that wants the ID-card reader's events (a card placed, read, removed, a read error). The frame hands every
/// card event to the open page when it is one; placing a card on any other page opens 综合受理 first.

#include "idcard/reader_service.h"

namespace ui {

class CardConsumer
{
public:
    virtual ~CardConsumer() = default;
    virtual void on_card(const idcard::ReaderEvent& event) = 0;

protected:
    CardConsumer() = default;
    CardConsumer(const CardConsumer&) = default;
    CardConsumer& operator=(const CardConsumer&) = default;
};

} // namespace ui
