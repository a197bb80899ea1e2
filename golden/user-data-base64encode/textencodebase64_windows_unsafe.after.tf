resource "aws_instance" "windows" {
  ami              = data.aws_ami.windows_2022.id
  instance_type    = "t3.large"
  user_data_base64 = textencodebase64(file("${path.module}/bootstrap.ps1"), "UTF-16LE")
}
