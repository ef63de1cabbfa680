#pragma once
/// The back office's records as the workflows hand them to the screens: catalog products and offers, addresses and
/// numbers, orders, payments and settlements, customers, staff and roles, and the call error a workflow returns
/// when the back office refused or could not be reached. The screens read these values and word the errors through
/// their catalog; they reach the back office only through a workflow. (The types are the contract's: one
/// definition, shared with the back office.)

#include "client/workflows/workstation/desk.h"
#include "services/contract/messages/admin.h"
#include "services/contract/messages/catalog.h"
#include "services/contract/messages/customer.h"
#include "services/contract/messages/order.h"
#include "services/contract/messages/payment.h"
