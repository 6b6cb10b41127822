# Debian's SOCI 4.0.3 ships neither a CMake config nor a .pc file. Its soci-config.h defines
# SOCI_HAVE_BOOST, so the Boost headers must be present, and the backend headers include the
# client libraries' headers (sqlite3.h, libpq-fe.h, mariadb/mysql.h).
find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY soci_core)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql)
find_library(SOCI_MYSQL_LIBRARY soci_mysql)
find_package(Boost REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(MARIADB REQUIRED IMPORTED_TARGET libmariadb)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY
  SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY SOCI_MYSQL_LIBRARY)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
  add_library(SOCI::core UNKNOWN IMPORTED)
  set_target_properties(SOCI::core PROPERTIES
    IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "Boost::headers")
  foreach(backend sqlite3 postgresql mysql)
    string(TOUPPER ${backend} upper)
    add_library(SOCI::${backend} UNKNOWN IMPORTED)
    set_target_properties(SOCI::${backend} PROPERTIES
      IMPORTED_LOCATION "${SOCI_${upper}_LIBRARY}"
      INTERFACE_LINK_LIBRARIES "SOCI::core")
  endforeach()
  set_property(TARGET SOCI::sqlite3 APPEND PROPERTY INTERFACE_LINK_LIBRARIES SQLite::SQLite3)
  set_property(TARGET SOCI::postgresql APPEND PROPERTY INTERFACE_LINK_LIBRARIES PostgreSQL::PostgreSQL)
  set_property(TARGET SOCI::mysql APPEND PROPERTY INTERFACE_LINK_LIBRARIES PkgConfig::MARIADB)
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY
  SOCI_POSTGRESQL_LIBRARY SOCI_MYSQL_LIBRARY)
