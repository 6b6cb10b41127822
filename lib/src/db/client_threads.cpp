#include "db/client_threads.hpp"

#include <mysql.h>

namespace dbmig {

void prepare_clients_for_threads() {
  mysql_library_init(0, nullptr, nullptr);
}

void end_client_thread() {
  mysql_thread_end();
}

}  // namespace dbmig
