resource "time_static" "main_final_snapshot" {
  triggers = {
    engine = "mysql"
  }
}
