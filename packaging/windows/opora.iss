; Inno Setup 6 script: the Windows installer of Opora (per-user without admin rights, or for
; all users). Built by build.ps1 after PyInstaller:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\opora.iss
; Input: dist\opora\ (opora.exe, opora-cli.exe, _internal\) and build\package\icons\opora.ico.
; Output: dist\opora-VERSION-windows-x64-setup.exe. UTF-8 with BOM (Ukrainian names).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6A0F3C2E-5B1D-4E8A-9C47-0F1E2D3C4B5A}
AppName=Опора
AppVerName=Опора {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Opora
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Opora
DefaultGroupName=Опора
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Root}\build\package\icons\opora.ico
UninstallDisplayIcon={app}\opora.exe
OutputDir={#Root}\dist
OutputBaseFilename=opora-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
uk.CommandLine=Командний рядок Опори
en.CommandLine=Opora command line

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\dist\opora\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Опора"; Filename: "{app}\opora.exe"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\opora-cli.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\Опора"; Filename: "{app}\opora.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\opora.exe"; Description: "{cm:LaunchProgram,Опора}"; Flags: nowait postinstall skipifsilent
